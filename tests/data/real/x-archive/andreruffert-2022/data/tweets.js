window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1588091220244369409"
          ],
          "editableUntil" : "2022-11-03T09:20:26.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "user_mentions" : [ ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1588091220244369409/photo/1",
            "indices" : [
              "30",
              "53"
            ],
            "url" : "https://t.co/p5Z1ebhgmy",
            "media_url" : "http://pbs.twimg.com/media/FgoIitdWAAAL87b.jpg",
            "id_str" : "1588091211012767744",
            "id" : "1588091211012767744",
            "media_url_https" : "https://pbs.twimg.com/media/FgoIitdWAAAL87b.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/p5Z1ebhgmy"
          }
        ],
        "hashtags" : [
          {
            "text" : "LeadDevBerlin",
            "indices" : [
              "13",
              "27"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "53"
      ],
      "favorite_count" : "5",
      "id_str" : "1588091220244369409",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1588091220244369409",
      "possibly_sensitive" : false,
      "created_at" : "Thu Nov 03 08:50:26 +0000 2022",
      "favorited" : false,
      "full_text" : "Good morning #LeadDevBerlin 👋 https://t.co/p5Z1ebhgmy",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1588091220244369409/photo/1",
            "indices" : [
              "30",
              "53"
            ],
            "url" : "https://t.co/p5Z1ebhgmy",
            "media_url" : "http://pbs.twimg.com/media/FgoIitdWAAAL87b.jpg",
            "id_str" : "1588091211012767744",
            "id" : "1588091211012767744",
            "media_url_https" : "https://pbs.twimg.com/media/FgoIitdWAAAL87b.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "510",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1536",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "900",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/p5Z1ebhgmy"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1587920147083591680"
          ],
          "editableUntil" : "2022-11-02T22:00:39.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ole Michaelis",
            "screen_name" : "OleMchls",
            "indices" : [
              "0",
              "9"
            ],
            "id_str" : "117538605",
            "id" : "117538605"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "36"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1587919612078739456",
      "id_str" : "1587920147083591680",
      "in_reply_to_user_id" : "117538605",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1587920147083591680",
      "in_reply_to_status_id" : "1587919612078739456",
      "created_at" : "Wed Nov 02 21:30:39 +0000 2022",
      "favorited" : false,
      "full_text" : "@OleMchls Same same, it's been ages…",
      "lang" : "en",
      "in_reply_to_screen_name" : "OleMchls",
      "in_reply_to_user_id_str" : "117538605"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1587919446987116544"
          ],
          "editableUntil" : "2022-11-02T21:57:52.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ole Michaelis",
            "screen_name" : "OleMchls",
            "indices" : [
              "0",
              "9"
            ],
            "id_str" : "117538605",
            "id" : "117538605"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "39"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1587713381032665088",
      "id_str" : "1587919446987116544",
      "in_reply_to_user_id" : "117538605",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1587919446987116544",
      "in_reply_to_status_id" : "1587713381032665088",
      "created_at" : "Wed Nov 02 21:27:52 +0000 2022",
      "favorited" : false,
      "full_text" : "@OleMchls I’m gonna be around as well 🙃",
      "lang" : "en",
      "in_reply_to_screen_name" : "OleMchls",
      "in_reply_to_user_id_str" : "117538605"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1512109141040451586"
          ],
          "editableUntil" : "2022-04-07T17:14:47.510Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "user_mentions" : [ ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1512109141040451586/photo/1",
            "indices" : [
              "38",
              "61"
            ],
            "url" : "https://t.co/PxpvYyCCee",
            "media_url" : "http://pbs.twimg.com/media/FPwVq51XoAASvUr.jpg",
            "id_str" : "1512107401713000448",
            "id" : "1512107401713000448",
            "media_url_https" : "https://pbs.twimg.com/media/FPwVq51XoAASvUr.jpg",
            "sizes" : {
              "medium" : {
                "w" : "786",
                "h" : "333",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "288",
                "resize" : "fit"
              },
              "large" : {
                "w" : "786",
                "h" : "333",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/PxpvYyCCee"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "61"
      ],
      "favorite_count" : "1",
      "id_str" : "1512109141040451586",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1512109141040451586",
      "possibly_sensitive" : false,
      "created_at" : "Thu Apr 07 16:44:47 +0000 2022",
      "favorited" : false,
      "full_text" : "It's this time of the year again... 😄 https://t.co/PxpvYyCCee",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1512109141040451586/photo/1",
            "indices" : [
              "38",
              "61"
            ],
            "url" : "https://t.co/PxpvYyCCee",
            "media_url" : "http://pbs.twimg.com/media/FPwVq51XoAASvUr.jpg",
            "id_str" : "1512107401713000448",
            "id" : "1512107401713000448",
            "media_url_https" : "https://pbs.twimg.com/media/FPwVq51XoAASvUr.jpg",
            "sizes" : {
              "medium" : {
                "w" : "786",
                "h" : "333",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "288",
                "resize" : "fit"
              },
              "large" : {
                "w" : "786",
                "h" : "333",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/PxpvYyCCee"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1492187859322818562"
          ],
          "editableUntil" : "2022-02-11T17:54:43.829Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Ahmad Shadeed",
            "screen_name" : "shadeed9",
            "indices" : [
              "0",
              "9"
            ],
            "id_str" : "170265794",
            "id" : "170265794"
          }
        ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1492187859322818562/photo/1",
            "indices" : [
              "12",
              "35"
            ],
            "url" : "https://t.co/xMSRTl76DW",
            "media_url" : "http://pbs.twimg.com/media/FLVQ8itXIAE_DY2.jpg",
            "id_str" : "1492187852582625281",
            "id" : "1492187852582625281",
            "media_url_https" : "https://pbs.twimg.com/media/FLVQ8itXIAE_DY2.jpg",
            "sizes" : {
              "medium" : {
                "w" : "900",
                "h" : "1200",
                "resize" : "fit"
              },
              "large" : {
                "w" : "1536",
                "h" : "2048",
                "resize" : "fit"
              },
              "small" : {
                "w" : "510",
                "h" : "680",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/xMSRTl76DW"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "35"
      ],
      "favorite_count" : "3",
      "in_reply_to_status_id_str" : "1492180218991333383",
      "id_str" : "1492187859322818562",
      "in_reply_to_user_id" : "112769581",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1492187859322818562",
      "in_reply_to_status_id" : "1492180218991333383",
      "possibly_sensitive" : false,
      "created_at" : "Fri Feb 11 17:24:43 +0000 2022",
      "favorited" : false,
      "full_text" : "@shadeed9 👀 https://t.co/xMSRTl76DW",
      "lang" : "und",
      "in_reply_to_screen_name" : "andreruffert",
      "in_reply_to_user_id_str" : "112769581",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1492187859322818562/photo/1",
            "indices" : [
              "12",
              "35"
            ],
            "url" : "https://t.co/xMSRTl76DW",
            "media_url" : "http://pbs.twimg.com/media/FLVQ8itXIAE_DY2.jpg",
            "id_str" : "1492187852582625281",
            "id" : "1492187852582625281",
            "media_url_https" : "https://pbs.twimg.com/media/FLVQ8itXIAE_DY2.jpg",
            "sizes" : {
              "medium" : {
                "w" : "900",
                "h" : "1200",
                "resize" : "fit"
              },
              "large" : {
                "w" : "1536",
                "h" : "2048",
                "resize" : "fit"
              },
              "small" : {
                "w" : "510",
                "h" : "680",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/xMSRTl76DW"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1492180218991333383"
          ],
          "editableUntil" : "2022-02-11T17:24:22.232Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ahmad Shadeed",
            "screen_name" : "shadeed9",
            "indices" : [
              "0",
              "9"
            ],
            "id_str" : "170265794",
            "id" : "170265794"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/gmCTPuhdBP",
            "expanded_url" : "https://www.dell.com/en-us/work/shop/ultrasharp-27-4k-usb-c-monitor-u2720q/apd/210-avjv/monitors-monitor-accessories",
            "display_url" : "dell.com/en-us/work/sho…",
            "indices" : [
              "73",
              "96"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "96"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1492159270661595141",
      "id_str" : "1492180218991333383",
      "in_reply_to_user_id" : "170265794",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1492180218991333383",
      "in_reply_to_status_id" : "1492159270661595141",
      "possibly_sensitive" : false,
      "created_at" : "Fri Feb 11 16:54:22 +0000 2022",
      "favorited" : false,
      "full_text" : "@shadeed9 Quite happy with this one 👌 Although using it with an M1 MBA…\n\nhttps://t.co/gmCTPuhdBP",
      "lang" : "en",
      "in_reply_to_screen_name" : "shadeed9",
      "in_reply_to_user_id_str" : "170265794"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1486721823299407877"
          ],
          "editableUntil" : "2022-01-27T15:54:39.287Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/BBg7u4i3pt",
            "expanded_url" : "https://twitter.com/fabioberger123/status/1486023451584638980",
            "display_url" : "twitter.com/fabioberger123…",
            "indices" : [
              "56",
              "79"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "79"
      ],
      "favorite_count" : "0",
      "id_str" : "1486721823299407877",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1486721823299407877",
      "possibly_sensitive" : false,
      "created_at" : "Thu Jan 27 15:24:39 +0000 2022",
      "favorited" : false,
      "full_text" : "tl;dr \n\nAdd rel=\"noopener\" to URLs with target=\"_blank\" https://t.co/BBg7u4i3pt",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1471135073105858562"
          ],
          "editableUntil" : "2021-12-15T15:38:28.453Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Year Progress",
            "screen_name" : "year_progress",
            "indices" : [
              "3",
              "17"
            ],
            "id_str" : "3233484298",
            "id" : "3233484298"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "38"
      ],
      "favorite_count" : "0",
      "id_str" : "1471135073105858562",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1471135073105858562",
      "created_at" : "Wed Dec 15 15:08:28 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @year_progress: ▓▓▓▓▓▓▓▓▓▓▓▓▓▓░ 95%",
      "lang" : "und"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1471101160983568385"
          ],
          "editableUntil" : "2021-12-15T13:23:43.173Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/0w3kpFrq9x",
            "expanded_url" : "https://twitter.com/bramus/status/1471087623200460809",
            "display_url" : "twitter.com/bramus/status/…",
            "indices" : [
              "4",
              "27"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "27"
      ],
      "favorite_count" : "0",
      "id_str" : "1471101160983568385",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1471101160983568385",
      "possibly_sensitive" : false,
      "created_at" : "Wed Dec 15 12:53:43 +0000 2021",
      "favorited" : false,
      "full_text" : "lol https://t.co/0w3kpFrq9x",
      "lang" : "qst"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1389258779611607042"
          ],
          "editableUntil" : "2021-05-03T17:11:18.896Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Andy Bell",
            "screen_name" : "piccalilli_",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "98734097",
            "id" : "98734097"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/hHdVgeZnDS",
            "expanded_url" : "https://github.com/vuejs/vuepress/pull/2841",
            "display_url" : "github.com/vuejs/vuepress…",
            "indices" : [
              "18",
              "41"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "41"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1380433843019206659",
      "id_str" : "1389258779611607042",
      "in_reply_to_user_id" : "98734097",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1389258779611607042",
      "in_reply_to_status_id" : "1380433843019206659",
      "possibly_sensitive" : false,
      "created_at" : "Mon May 03 16:41:18 +0000 2021",
      "favorited" : false,
      "full_text" : "@piccalilli_ FYI: https://t.co/hHdVgeZnDS",
      "lang" : "und",
      "in_reply_to_screen_name" : "piccalilli_",
      "in_reply_to_user_id_str" : "98734097"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1381625598959874052"
          ],
          "editableUntil" : "2021-04-12T15:39:46.811Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Cyberport GmbH",
            "screen_name" : "cyberport_de",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "36617408",
            "id" : "36617408"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "196"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1381624652401938435",
      "id_str" : "1381625598959874052",
      "in_reply_to_user_id" : "36617408",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1381625598959874052",
      "in_reply_to_status_id" : "1381624652401938435",
      "created_at" : "Mon Apr 12 15:09:46 +0000 2021",
      "favorited" : false,
      "full_text" : "@cyberport_de Stimmt eine Minute nachdem ich hier geschrieben habe.\nWie gesagt der Prozess läuft seit 18. März. Ich möchte das ganze nun endlich mal abschließen. Ich hoffe das ist nachvollziehbar.",
      "lang" : "de",
      "in_reply_to_screen_name" : "cyberport_de",
      "in_reply_to_user_id_str" : "36617408"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1381622866131759111"
          ],
          "editableUntil" : "2021-04-12T15:28:55.254Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Cyberport GmbH",
            "screen_name" : "cyberport_de",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "36617408",
            "id" : "36617408"
          },
          {
            "name" : "Cyberport GmbH",
            "screen_name" : "cyberport_de",
            "indices" : [
              "14",
              "27"
            ],
            "id_str" : "36617408",
            "id" : "36617408"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "106"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1381551444235591682",
      "id_str" : "1381622866131759111",
      "in_reply_to_user_id" : "112769581",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1381622866131759111",
      "in_reply_to_status_id" : "1381551444235591682",
      "created_at" : "Mon Apr 12 14:58:55 +0000 2021",
      "favorited" : false,
      "full_text" : "@cyberport_de @cyberport_de werden jetzt auch DM's ignoriert?\nBis wann kann ich mit einer Antwort rechnen?",
      "lang" : "de",
      "in_reply_to_screen_name" : "andreruffert",
      "in_reply_to_user_id_str" : "112769581"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1381577197325008899"
          ],
          "editableUntil" : "2021-04-12T12:27:26.962Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Scott Robertson",
            "screen_name" : "scottymeuk",
            "indices" : [
              "0",
              "11"
            ],
            "id_str" : "20077772",
            "id" : "20077772"
          },
          {
            "name" : "LukyVj ✪",
            "screen_name" : "LukyVJ",
            "indices" : [
              "12",
              "19"
            ],
            "id_str" : "123355349",
            "id" : "123355349"
          },
          {
            "name" : "🎅",
            "screen_name" : "Media",
            "indices" : [
              "20",
              "26"
            ],
            "id_str" : "980642661169328128",
            "id" : "980642661169328128"
          },
          {
            "name" : "🎅",
            "screen_name" : "Media",
            "indices" : [
              "119",
              "125"
            ],
            "id_str" : "980642661169328128",
            "id" : "980642661169328128"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "196"
      ],
      "favorite_count" : "2",
      "in_reply_to_status_id_str" : "1381574095637204994",
      "id_str" : "1381577197325008899",
      "in_reply_to_user_id" : "20077772",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1381577197325008899",
      "in_reply_to_status_id" : "1381574095637204994",
      "created_at" : "Mon Apr 12 11:57:26 +0000 2021",
      "favorited" : false,
      "full_text" : "@scottymeuk @LukyVJ @Media Thanks, I’m aware it’s a OS setting. Maybe it was not clear I’m talking about the CSS e.g.\n\n@media (prefers-reduced-motion) {\n  .my-selector {\n    animation: none;\n  }\n}",
      "lang" : "en",
      "in_reply_to_screen_name" : "scottymeuk",
      "in_reply_to_user_id_str" : "20077772"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1381560363938934786"
          ],
          "editableUntil" : "2021-04-12T11:20:33.570Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "LukyVj ✪",
            "screen_name" : "LukyVJ",
            "indices" : [
              "0",
              "7"
            ],
            "id_str" : "123355349",
            "id" : "123355349"
          },
          {
            "name" : "🎅",
            "screen_name" : "Media",
            "indices" : [
              "8",
              "14"
            ],
            "id_str" : "980642661169328128",
            "id" : "980642661169328128"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "66"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1381547827256569857",
      "id_str" : "1381560363938934786",
      "in_reply_to_user_id" : "123355349",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1381560363938934786",
      "in_reply_to_status_id" : "1381547827256569857",
      "created_at" : "Mon Apr 12 10:50:33 +0000 2021",
      "favorited" : false,
      "full_text" : "@LukyVJ @Media Would need a selector or am I missing something? :)",
      "lang" : "en",
      "in_reply_to_screen_name" : "LukyVJ",
      "in_reply_to_user_id_str" : "123355349"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1381551444235591682"
          ],
          "editableUntil" : "2021-04-12T10:45:06.947Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Cyberport GmbH",
            "screen_name" : "cyberport_de",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "36617408",
            "id" : "36617408"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "33"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1381539499734409216",
      "id_str" : "1381551444235591682",
      "in_reply_to_user_id" : "36617408",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1381551444235591682",
      "in_reply_to_status_id" : "1381539499734409216",
      "created_at" : "Mon Apr 12 10:15:06 +0000 2021",
      "favorited" : false,
      "full_text" : "@cyberport_de Danke, DM ist raus!",
      "lang" : "de",
      "in_reply_to_screen_name" : "cyberport_de",
      "in_reply_to_user_id_str" : "36617408"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1381525267932401665"
          ],
          "editableUntil" : "2021-04-12T09:01:06.030Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Cyberport GmbH",
            "screen_name" : "cyberport_de",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "36617408",
            "id" : "36617408"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "201"
      ],
      "favorite_count" : "0",
      "id_str" : "1381525267932401665",
      "in_reply_to_user_id" : "36617408",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1381525267932401665",
      "created_at" : "Mon Apr 12 08:31:06 +0000 2021",
      "favorited" : false,
      "full_text" : "@cyberport_de Ich versuche seit 18. März vergeblich eine Retour abzuschließen. Anfragen per E-Mail werden ignoriert. Über die Hotline heißt es bitte per E-Mail kontaktieren.  Wie komme ich hier weiter?",
      "lang" : "de",
      "in_reply_to_screen_name" : "cyberport_de",
      "in_reply_to_user_id_str" : "36617408"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1380287868581609472"
          ],
          "editableUntil" : "2021-04-08T23:04:07.035Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Andy Bell",
            "screen_name" : "piccalilli_",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "98734097",
            "id" : "98734097"
          }
        ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1380287868581609472/photo/1",
            "indices" : [
              "289",
              "312"
            ],
            "url" : "https://t.co/gbTAGYOpE3",
            "media_url" : "http://pbs.twimg.com/media/EyfEf4NXEAEutwQ.jpg",
            "id_str" : "1380287862755758081",
            "id" : "1380287862755758081",
            "media_url_https" : "https://pbs.twimg.com/media/EyfEf4NXEAEutwQ.jpg",
            "sizes" : {
              "large" : {
                "w" : "946",
                "h" : "2048",
                "resize" : "fit"
              },
              "small" : {
                "w" : "314",
                "h" : "680",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "554",
                "h" : "1200",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/gbTAGYOpE3"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "312"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1380263767854960648",
      "id_str" : "1380287868581609472",
      "in_reply_to_user_id" : "98734097",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1380287868581609472",
      "in_reply_to_status_id" : "1380263767854960648",
      "possibly_sensitive" : false,
      "created_at" : "Thu Apr 08 22:34:07 +0000 2021",
      "favorited" : false,
      "full_text" : "@piccalilli_ Apple decided that form inputs on iOS need to be a comfortable reading size, set at a minimum of 16px. If your form field font-size is less than that, they will automatically zoom into the field until the text appears at that size.\n\nThis happens with the brand new search 😉✌️ https://t.co/gbTAGYOpE3",
      "lang" : "en",
      "in_reply_to_screen_name" : "piccalilli_",
      "in_reply_to_user_id_str" : "98734097",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1380287868581609472/photo/1",
            "indices" : [
              "289",
              "312"
            ],
            "url" : "https://t.co/gbTAGYOpE3",
            "media_url" : "http://pbs.twimg.com/media/EyfEf4NXEAEutwQ.jpg",
            "id_str" : "1380287862755758081",
            "id" : "1380287862755758081",
            "media_url_https" : "https://pbs.twimg.com/media/EyfEf4NXEAEutwQ.jpg",
            "sizes" : {
              "large" : {
                "w" : "946",
                "h" : "2048",
                "resize" : "fit"
              },
              "small" : {
                "w" : "314",
                "h" : "680",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "554",
                "h" : "1200",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/gbTAGYOpE3"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1359831938413060100"
          ],
          "editableUntil" : "2021-02-11T12:19:33.230Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/dztFxyQZEg",
            "expanded_url" : "https://github.com/andreruffert/range-slider-element",
            "display_url" : "github.com/andreruffert/r…",
            "indices" : [
              "13",
              "36"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "36"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1359775473534787588",
      "id_str" : "1359831938413060100",
      "in_reply_to_user_id" : "189044609",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1359831938413060100",
      "in_reply_to_status_id" : "1359775473534787588",
      "possibly_sensitive" : false,
      "created_at" : "Thu Feb 11 11:49:33 +0000 2021",
      "favorited" : false,
      "full_text" : "@_vijaykolar https://t.co/dztFxyQZEg",
      "lang" : "qme",
      "in_reply_to_screen_name" : "_vkolar",
      "in_reply_to_user_id_str" : "189044609"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1359059086273376259"
          ],
          "editableUntil" : "2021-02-09T09:08:30.921Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "user_mentions" : [ ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1359059086273376259/photo/1",
            "indices" : [
              "22",
              "45"
            ],
            "url" : "https://t.co/zPPTeLYRPi",
            "media_url" : "http://pbs.twimg.com/media/EtxY_HnWgAERBtZ.jpg",
            "id_str" : "1359059028958150657",
            "id" : "1359059028958150657",
            "media_url_https" : "https://pbs.twimg.com/media/EtxY_HnWgAERBtZ.jpg",
            "sizes" : {
              "large" : {
                "w" : "1920",
                "h" : "1080",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "383",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "675",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/zPPTeLYRPi"
          }
        ],
        "hashtags" : [
          {
            "text" : "MyTwitterAnniversary",
            "indices" : [
              "0",
              "21"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "45"
      ],
      "favorite_count" : "3",
      "id_str" : "1359059086273376259",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1359059086273376259",
      "possibly_sensitive" : false,
      "created_at" : "Tue Feb 09 08:38:30 +0000 2021",
      "favorited" : false,
      "full_text" : "#MyTwitterAnniversary https://t.co/zPPTeLYRPi",
      "lang" : "qme",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1359059086273376259/photo/1",
            "indices" : [
              "22",
              "45"
            ],
            "url" : "https://t.co/zPPTeLYRPi",
            "media_url" : "http://pbs.twimg.com/media/EtxY_HnWgAERBtZ.jpg",
            "id_str" : "1359059028958150657",
            "id" : "1359059028958150657",
            "media_url_https" : "https://pbs.twimg.com/media/EtxY_HnWgAERBtZ.jpg",
            "sizes" : {
              "large" : {
                "w" : "1920",
                "h" : "1080",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "383",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "675",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/zPPTeLYRPi"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1356728735953801219"
          ],
          "editableUntil" : "2021-02-02T22:48:32.109Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "npm",
            "screen_name" : "npmjs",
            "indices" : [
              "3",
              "9"
            ],
            "id_str" : "309528017",
            "id" : "309528017"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1356728735953801219",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1356728735953801219",
      "created_at" : "Tue Feb 02 22:18:32 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @npmjs: we’re thrilled to share that npm 7 is now generally available 🚀  read our blog post to see some of the performance improvements,…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1347135259725410304"
          ],
          "editableUntil" : "2021-01-07T11:27:29.138Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/C0p7qPFM1U",
            "expanded_url" : "https://briefs.video/",
            "display_url" : "briefs.video",
            "indices" : [
              "2",
              "25"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "25"
      ],
      "favorite_count" : "0",
      "id_str" : "1347135259725410304",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1347135259725410304",
      "possibly_sensitive" : false,
      "created_at" : "Thu Jan 07 10:57:29 +0000 2021",
      "favorited" : false,
      "full_text" : "📺 https://t.co/C0p7qPFM1U",
      "lang" : "und"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1339928274156326912"
          ],
          "editableUntil" : "2020-12-18T14:09:29.879Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/GJjU7hWoCW",
            "expanded_url" : "https://github.blog/2020-12-17-no-cookie-for-you/",
            "display_url" : "github.blog/2020-12-17-no-…",
            "indices" : [
              "69",
              "92"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "92"
      ],
      "favorite_count" : "0",
      "id_str" : "1339928274156326912",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1339928274156326912",
      "possibly_sensitive" : false,
      "created_at" : "Fri Dec 18 13:39:29 +0000 2020",
      "favorited" : false,
      "full_text" : "Unbreaking the internet just a little bit.\nMore of this please! 👏👏👏\n\nhttps://t.co/GJjU7hWoCW",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1337358662722084864"
          ],
          "editableUntil" : "2020-12-11T11:58:46.772Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/wdINXIKRpi",
            "expanded_url" : "https://twitter.com/hakimel/status/1337353007684603906",
            "display_url" : "twitter.com/hakimel/status…",
            "indices" : [
              "2",
              "25"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "25"
      ],
      "favorite_count" : "0",
      "id_str" : "1337358662722084864",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1337358662722084864",
      "possibly_sensitive" : false,
      "created_at" : "Fri Dec 11 11:28:46 +0000 2020",
      "favorited" : false,
      "full_text" : "🙃 https://t.co/wdINXIKRpi",
      "lang" : "art"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1336389694322593798"
          ],
          "editableUntil" : "2020-12-08T19:48:26.703Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "user_mentions" : [ ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1336389694322593798/photo/1",
            "indices" : [
              "19",
              "42"
            ],
            "url" : "https://t.co/hy24OA1z8W",
            "media_url" : "http://pbs.twimg.com/media/EovOZE7XEAA7JtD.jpg",
            "id_str" : "1336388644660252672",
            "id" : "1336388644660252672",
            "media_url_https" : "https://pbs.twimg.com/media/EovOZE7XEAA7JtD.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1363",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "452",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "798",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/hy24OA1z8W"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "42"
      ],
      "favorite_count" : "7",
      "id_str" : "1336389694322593798",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1336389694322593798",
      "possibly_sensitive" : false,
      "created_at" : "Tue Dec 08 19:18:26 +0000 2020",
      "favorited" : false,
      "full_text" : "Dark mode is here! https://t.co/hy24OA1z8W",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1336389694322593798/photo/1",
            "indices" : [
              "19",
              "42"
            ],
            "url" : "https://t.co/hy24OA1z8W",
            "media_url" : "http://pbs.twimg.com/media/EovOZE7XEAA7JtD.jpg",
            "id_str" : "1336388644660252672",
            "id" : "1336388644660252672",
            "media_url_https" : "https://pbs.twimg.com/media/EovOZE7XEAA7JtD.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1363",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "452",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "798",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/hy24OA1z8W"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1336006183182884864"
          ],
          "editableUntil" : "2020-12-07T18:24:30.522Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Max Weisel",
            "screen_name" : "maxweisel",
            "indices" : [
              "3",
              "13"
            ],
            "id_str" : "9767742",
            "id" : "9767742"
          },
          {
            "name" : "Balenciaga",
            "screen_name" : "BALENCIAGA",
            "indices" : [
              "24",
              "35"
            ],
            "id_str" : "180124279",
            "id" : "180124279"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1336006183182884864",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1336006183182884864",
      "created_at" : "Mon Dec 07 17:54:30 +0000 2020",
      "favorited" : false,
      "full_text" : "RT @maxweisel: whaaaatt @balenciaga made an entire webgl(?) video game for their new collection? and it's using cloud rendering? this is so…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1310922373613449216"
          ],
          "editableUntil" : "2020-09-29T13:10:24.286Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Kahlil Lechelt",
            "screen_name" : "kahliltweets",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "14301605",
            "id" : "14301605"
          },
          {
            "name" : "Prettier",
            "screen_name" : "PrettierCode",
            "indices" : [
              "96",
              "109"
            ],
            "id_str" : "925464977267404802",
            "id" : "925464977267404802"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/vYQNCP1T9C",
            "expanded_url" : "https://twitter.com/_jayphelps/status/1310822792657620992",
            "display_url" : "twitter.com/_jayphelps/sta…",
            "indices" : [
              "111",
              "134"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "134"
      ],
      "favorite_count" : "0",
      "id_str" : "1310922373613449216",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1310922373613449216",
      "possibly_sensitive" : false,
      "created_at" : "Tue Sep 29 12:40:24 +0000 2020",
      "favorited" : false,
      "full_text" : "RT @kahliltweets: I don't trust people who don't delegate the formatting of their JavaScript to @PrettierCode. https://t.co/vYQNCP1T9C",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1286637381882466305"
          ],
          "editableUntil" : "2020-07-24T12:50:31.064Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "KarlsruheJS",
            "screen_name" : "KarlsruheJS",
            "indices" : [
              "0",
              "12"
            ],
            "id_str" : "349851504",
            "id" : "349851504"
          },
          {
            "name" : "Tailwind CSS",
            "screen_name" : "tailwindcss",
            "indices" : [
              "13",
              "25"
            ],
            "id_str" : "895273477711769600",
            "id" : "895273477711769600"
          },
          {
            "name" : "Vercel",
            "screen_name" : "vercel",
            "indices" : [
              "26",
              "33"
            ],
            "id_str" : "4686835494",
            "id" : "4686835494"
          },
          {
            "name" : "Thomas Vallez",
            "screen_name" : "thomvallez",
            "indices" : [
              "34",
              "45"
            ],
            "id_str" : "138503858",
            "id" : "138503858"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "47"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1286635579866787841",
      "id_str" : "1286637381882466305",
      "in_reply_to_user_id" : "349851504",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1286637381882466305",
      "in_reply_to_status_id" : "1286635579866787841",
      "created_at" : "Fri Jul 24 12:20:31 +0000 2020",
      "favorited" : false,
      "full_text" : "@KarlsruheJS @tailwindcss @vercel @thomvallez 🎉",
      "lang" : "und",
      "in_reply_to_screen_name" : "KarlsruheJS",
      "in_reply_to_user_id_str" : "349851504"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1286636731543040000"
          ],
          "editableUntil" : "2020-07-24T12:47:56.011Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "MoritzGiessmann@Mastodon.social ❎",
            "screen_name" : "MoritzGiessmann",
            "indices" : [
              "0",
              "16"
            ],
            "id_str" : "15885249",
            "id" : "15885249"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/J3NF2KZdqI",
            "expanded_url" : "https://github.com/terser/terser",
            "display_url" : "github.com/terser/terser",
            "indices" : [
              "22",
              "45"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "45"
      ],
      "favorite_count" : "3",
      "in_reply_to_status_id_str" : "1286622518791606276",
      "id_str" : "1286636731543040000",
      "in_reply_to_user_id" : "15885249",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1286636731543040000",
      "in_reply_to_status_id" : "1286622518791606276",
      "possibly_sensitive" : false,
      "created_at" : "Fri Jul 24 12:17:56 +0000 2020",
      "favorited" : false,
      "full_text" : "@MoritzGiessmann ES6+ https://t.co/J3NF2KZdqI",
      "lang" : "und",
      "in_reply_to_screen_name" : "MoritzGiessmann",
      "in_reply_to_user_id_str" : "15885249"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1273642505616199681"
          ],
          "editableUntil" : "2020-06-18T16:13:31.129Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "GitHub",
            "screen_name" : "github",
            "indices" : [
              "4",
              "11"
            ],
            "id_str" : "13334762",
            "id" : "13334762"
          }
        ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1273642505616199681/photo/1",
            "indices" : [
              "39",
              "62"
            ],
            "url" : "https://t.co/w3x6R1SmHz",
            "media_url" : "http://pbs.twimg.com/media/EazilZAWkAg_4aF.jpg",
            "id_str" : "1273641926634409992",
            "id" : "1273641926634409992",
            "media_url_https" : "https://pbs.twimg.com/media/EazilZAWkAg_4aF.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1514",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "887",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "503",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/w3x6R1SmHz"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "62"
      ],
      "favorite_count" : "3",
      "id_str" : "1273642505616199681",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1273642505616199681",
      "possibly_sensitive" : false,
      "created_at" : "Thu Jun 18 15:43:31 +0000 2020",
      "favorited" : false,
      "full_text" : "New @github UI updates 🙃\n\nBefore/after https://t.co/w3x6R1SmHz",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1273642505616199681/photo/1",
            "indices" : [
              "39",
              "62"
            ],
            "url" : "https://t.co/w3x6R1SmHz",
            "media_url" : "http://pbs.twimg.com/media/EazilZAWkAg_4aF.jpg",
            "id_str" : "1273641926634409992",
            "id" : "1273641926634409992",
            "media_url_https" : "https://pbs.twimg.com/media/EazilZAWkAg_4aF.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1514",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "887",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "503",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/w3x6R1SmHz"
          },
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1273642505616199681/photo/1",
            "indices" : [
              "39",
              "62"
            ],
            "url" : "https://t.co/w3x6R1SmHz",
            "media_url" : "http://pbs.twimg.com/media/EazilY9X0AIqQmj.jpg",
            "id_str" : "1273641926621908994",
            "id" : "1273641926621908994",
            "media_url_https" : "https://pbs.twimg.com/media/EazilY9X0AIqQmj.jpg",
            "sizes" : {
              "large" : {
                "w" : "2048",
                "h" : "1514",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "887",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "503",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/w3x6R1SmHz"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1244662305805275136"
          ],
          "editableUntil" : "2020-03-30T16:56:33.068Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Sara Soueidan",
            "screen_name" : "SaraSoueidan",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "717654410",
            "id" : "717654410"
          },
          {
            "name" : "Ctrl blog",
            "screen_name" : "CtrlBlog",
            "indices" : [
              "14",
              "23"
            ],
            "id_str" : "3229266455",
            "id" : "3229266455"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/0HKIkVwz5J",
            "expanded_url" : "https://github.com/andreruffert/progressive-image-element",
            "display_url" : "github.com/andreruffert/p…",
            "indices" : [
              "101",
              "124"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "124"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1244655210917777416",
      "id_str" : "1244662305805275136",
      "in_reply_to_user_id" : "717654410",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1244662305805275136",
      "in_reply_to_status_id" : "1244655210917777416",
      "possibly_sensitive" : false,
      "created_at" : "Mon Mar 30 16:26:33 +0000 2020",
      "favorited" : false,
      "full_text" : "@SaraSoueidan @CtrlBlog I've created a &lt;progressive-image&gt; custom element. Might be useful...\n\nhttps://t.co/0HKIkVwz5J",
      "lang" : "en",
      "in_reply_to_screen_name" : "SaraSoueidan",
      "in_reply_to_user_id_str" : "717654410"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1243237524685959168"
          ],
          "editableUntil" : "2020-03-26T18:34:58.778Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Kahlil Lechelt",
            "screen_name" : "kahliltweets",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "14301605",
            "id" : "14301605"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1243237524685959168",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1243237524685959168",
      "created_at" : "Thu Mar 26 18:04:58 +0000 2020",
      "favorited" : false,
      "full_text" : "RT @kahliltweets: Ready for QuarantineJS with 109 people! \n\nAlso going hard on the snack department with camomile tea and pretzels!!! \n\nWan…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1240598544593100801"
          ],
          "editableUntil" : "2020-03-19T11:48:36.894Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Mario Hachemer",
            "screen_name" : "MarioHachemer",
            "indices" : [
              "0",
              "14"
            ],
            "id_str" : "46130806",
            "id" : "46130806"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "24"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1240596166246612994",
      "id_str" : "1240598544593100801",
      "in_reply_to_user_id" : "46130806",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1240598544593100801",
      "in_reply_to_status_id" : "1240596166246612994",
      "created_at" : "Thu Mar 19 11:18:36 +0000 2020",
      "favorited" : false,
      "full_text" : "@MarioHachemer K, I see.",
      "lang" : "en",
      "in_reply_to_screen_name" : "MarioHachemer",
      "in_reply_to_user_id_str" : "46130806"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1240594887231356929"
          ],
          "editableUntil" : "2020-03-19T11:34:04.911Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Mario Hachemer",
            "screen_name" : "MarioHachemer",
            "indices" : [
              "0",
              "14"
            ],
            "id_str" : "46130806",
            "id" : "46130806"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/W8sl9Ko5Lv",
            "expanded_url" : "https://postwoman.io",
            "display_url" : "postwoman.io",
            "indices" : [
              "15",
              "38"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "38"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1240593611777093633",
      "id_str" : "1240594887231356929",
      "in_reply_to_user_id" : "46130806",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1240594887231356929",
      "in_reply_to_status_id" : "1240593611777093633",
      "possibly_sensitive" : false,
      "created_at" : "Thu Mar 19 11:04:04 +0000 2020",
      "favorited" : false,
      "full_text" : "@MarioHachemer https://t.co/W8sl9Ko5Lv",
      "lang" : "qme",
      "in_reply_to_screen_name" : "MarioHachemer",
      "in_reply_to_user_id_str" : "46130806"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1239945888958685185"
          ],
          "editableUntil" : "2020-03-17T16:35:11.665Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Tom Anypuppies",
            "screen_name" : "webrocker",
            "indices" : [
              "0",
              "10"
            ],
            "id_str" : "14476022",
            "id" : "14476022"
          },
          {
            "name" : "beyond tellerrand",
            "screen_name" : "btconf",
            "indices" : [
              "11",
              "18"
            ],
            "id_str" : "186033181",
            "id" : "186033181"
          },
          {
            "name" : "Kim Johannesen",
            "screen_name" : "overflowhidden",
            "indices" : [
              "19",
              "34"
            ],
            "id_str" : "125635448",
            "id" : "125635448"
          },
          {
            "name" : "Peter Müller",
            "screen_name" : "_munter_",
            "indices" : [
              "35",
              "44"
            ],
            "id_str" : "110687343",
            "id" : "110687343"
          },
          {
            "name" : "Fronteers Conference",
            "screen_name" : "FronteersConf",
            "indices" : [
              "45",
              "59"
            ],
            "id_str" : "37661073",
            "id" : "37661073"
          },
          {
            "name" : "Gunnar Bittersmann",
            "screen_name" : "g16n",
            "indices" : [
              "60",
              "65"
            ],
            "id_str" : "420958148",
            "id" : "420958148"
          },
          {
            "name" : "Dennis Frank @freshmango@mastodon.social",
            "screen_name" : "freshmango",
            "indices" : [
              "66",
              "77"
            ],
            "id_str" : "3563601",
            "id" : "3563601"
          }
        ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1239945888958685185/photo/1",
            "indices" : [
              "88",
              "111"
            ],
            "url" : "https://t.co/qFJ3IkgC7c",
            "media_url" : "http://pbs.twimg.com/media/ETUsNcXWsAIIQll.jpg",
            "id_str" : "1239945881874509826",
            "id" : "1239945881874509826",
            "media_url_https" : "https://pbs.twimg.com/media/ETUsNcXWsAIIQll.jpg",
            "sizes" : {
              "large" : {
                "w" : "1536",
                "h" : "2048",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "900",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "510",
                "h" : "680",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/qFJ3IkgC7c"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "111"
      ],
      "favorite_count" : "2",
      "in_reply_to_status_id_str" : "1239941164779913217",
      "id_str" : "1239945888958685185",
      "in_reply_to_user_id" : "14476022",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1239945888958685185",
      "in_reply_to_status_id" : "1239941164779913217",
      "possibly_sensitive" : false,
      "created_at" : "Tue Mar 17 16:05:11 +0000 2020",
      "favorited" : false,
      "full_text" : "@webrocker @btconf @overflowhidden @_munter_ @FronteersConf @g16n @freshmango Cheers! 🙃 https://t.co/qFJ3IkgC7c",
      "lang" : "en",
      "in_reply_to_screen_name" : "webrocker",
      "in_reply_to_user_id_str" : "14476022",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/1239945888958685185/photo/1",
            "indices" : [
              "88",
              "111"
            ],
            "url" : "https://t.co/qFJ3IkgC7c",
            "media_url" : "http://pbs.twimg.com/media/ETUsNcXWsAIIQll.jpg",
            "id_str" : "1239945881874509826",
            "id" : "1239945881874509826",
            "media_url_https" : "https://pbs.twimg.com/media/ETUsNcXWsAIIQll.jpg",
            "sizes" : {
              "large" : {
                "w" : "1536",
                "h" : "2048",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "900",
                "h" : "1200",
                "resize" : "fit"
              },
              "small" : {
                "w" : "510",
                "h" : "680",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/qFJ3IkgC7c"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1239860485429907456"
          ],
          "editableUntil" : "2020-03-17T10:55:49.877Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/XMsx7Xtk2V",
            "expanded_url" : "https://github.blog/2020-03-16-npm-is-joining-github",
            "display_url" : "github.blog/2020-03-16-npm…",
            "indices" : [
              "0",
              "23"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "23"
      ],
      "favorite_count" : "0",
      "id_str" : "1239860485429907456",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1239860485429907456",
      "possibly_sensitive" : false,
      "created_at" : "Tue Mar 17 10:25:49 +0000 2020",
      "favorited" : false,
      "full_text" : "https://t.co/XMsx7Xtk2V",
      "lang" : "zxx"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1233033086306258944"
          ],
          "editableUntil" : "2020-02-27T14:46:11.079Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Wes Bos",
            "screen_name" : "wesbos",
            "indices" : [
              "3",
              "10"
            ],
            "id_str" : "815246",
            "id" : "815246"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1233033086306258944",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1233033086306258944",
      "created_at" : "Thu Feb 27 14:16:11 +0000 2020",
      "favorited" : false,
      "full_text" : "RT @wesbos: 🔥 Node ships a promiseified version of all `fs` callback methods (excludes stream methods). \n\nImport as `fs`: https://t.co/hP4Y…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "909038143994761216"
          ],
          "editableUntil" : "2017-09-16T13:25:57.297Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "user_mentions" : [ ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/909038143994761216/photo/1",
            "indices" : [
              "31",
              "54"
            ],
            "url" : "https://t.co/ABfqCKC3h2",
            "media_url" : "http://pbs.twimg.com/media/DJ2NWbvWAAID8H8.jpg",
            "id_str" : "909038116341678082",
            "id" : "909038116341678082",
            "media_url_https" : "https://pbs.twimg.com/media/DJ2NWbvWAAID8H8.jpg",
            "sizes" : {
              "large" : {
                "w" : "1536",
                "h" : "2048",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "900",
                "h" : "1200",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "510",
                "h" : "680",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/ABfqCKC3h2"
          }
        ],
        "hashtags" : [
          {
            "text" : "CodePenDayHH",
            "indices" : [
              "0",
              "13"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "54"
      ],
      "favorite_count" : "2",
      "id_str" : "909038143994761216",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "909038143994761216",
      "possibly_sensitive" : false,
      "created_at" : "Sat Sep 16 12:55:57 +0000 2017",
      "favorited" : false,
      "full_text" : "#CodePenDayHH is kicking off 🔥 https://t.co/ABfqCKC3h2",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/andreruffert/status/909038143994761216/photo/1",
            "indices" : [
              "31",
              "54"
            ],
            "url" : "https://t.co/ABfqCKC3h2",
            "media_url" : "http://pbs.twimg.com/media/DJ2NWbvWAAID8H8.jpg",
            "id_str" : "909038116341678082",
            "id" : "909038116341678082",
            "media_url_https" : "https://pbs.twimg.com/media/DJ2NWbvWAAID8H8.jpg",
            "sizes" : {
              "large" : {
                "w" : "1536",
                "h" : "2048",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "900",
                "h" : "1200",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "510",
                "h" : "680",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/ABfqCKC3h2"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "907315367302848512"
          ],
          "editableUntil" : "2017-09-11T19:20:15.326Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/8ziE8hd5wG",
            "expanded_url" : "https://twitter.com/CodePenDay/status/904371797612789760",
            "display_url" : "twitter.com/CodePenDay/sta…",
            "indices" : [
              "22",
              "45"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "45"
      ],
      "favorite_count" : "4",
      "id_str" : "907315367302848512",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "907315367302848512",
      "possibly_sensitive" : false,
      "created_at" : "Mon Sep 11 18:50:15 +0000 2017",
      "favorited" : false,
      "full_text" : "It's gonna be LIT 🔥 🙃 https://t.co/8ziE8hd5wG",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "905726273758130176"
          ],
          "editableUntil" : "2017-09-07T10:05:45.901Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "nordicjs",
            "indices" : [
              "38",
              "47"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Nordic.js",
            "screen_name" : "nordicjs",
            "indices" : [
              "3",
              "12"
            ],
            "id_str" : "2266293312",
            "id" : "2266293312"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/2bST7YttHY",
            "expanded_url" : "http://nordicjs.com/live",
            "display_url" : "nordicjs.com/live",
            "indices" : [
              "98",
              "121"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "127"
      ],
      "favorite_count" : "0",
      "id_str" : "905726273758130176",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "905726273758130176",
      "possibly_sensitive" : false,
      "created_at" : "Thu Sep 07 09:35:45 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @nordicjs: If you couldn't come to #nordicjs in person, we have a livestream on our website! 😃 https://t.co/2bST7YttHY Woho!",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "898456400367673344"
          ],
          "editableUntil" : "2017-08-18T08:37:53.017Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "REACTIVE",
            "screen_name" : "reactivepod",
            "indices" : [
              "3",
              "15"
            ],
            "id_str" : "3375502858",
            "id" : "3375502858"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/BDnEx6t8jf",
            "expanded_url" : "http://reactive.audio/episodes/e52ae3ce/81-this-is-supposed-to-just-work",
            "display_url" : "reactive.audio/episodes/e52ae…",
            "indices" : [
              "52",
              "75"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "75"
      ],
      "favorite_count" : "0",
      "id_str" : "898456400367673344",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "898456400367673344",
      "possibly_sensitive" : false,
      "created_at" : "Fri Aug 18 08:07:53 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @reactivepod: 81: This Is Supposed To Just Work\n\nhttps://t.co/BDnEx6t8jf",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "897444285276180480"
          ],
          "editableUntil" : "2017-08-15T13:36:05.975Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Umar Hansa",
            "screen_name" : "umaar",
            "indices" : [
              "3",
              "9"
            ],
            "id_str" : "17207733",
            "id" : "17207733"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "144"
      ],
      "favorite_count" : "0",
      "id_str" : "897444285276180480",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "897444285276180480",
      "created_at" : "Tue Aug 15 13:06:05 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @umaar: Canary DevTools Update: top-level await is now supported 🎊 makes debugging &amp; quick experimentations simpler, no need for an asyn…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "895323661720109056"
          ],
          "editableUntil" : "2017-08-09T17:09:29.920Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Jake Archibald",
            "screen_name" : "jaffathecake",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "15390783",
            "id" : "15390783"
          }
        ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jaffathecake/status/895272929587597312/photo/1",
            "source_status_id" : "895272929587597312",
            "indices" : [
              "44",
              "67"
            ],
            "url" : "https://t.co/je1f3Mpf8B",
            "media_url" : "http://pbs.twimg.com/media/DGylws7WAAE9GDp.png",
            "id_str" : "895272682052255745",
            "source_user_id" : "15390783",
            "id" : "895272682052255745",
            "media_url_https" : "https://pbs.twimg.com/media/DGylws7WAAE9GDp.png",
            "source_user_id_str" : "15390783",
            "sizes" : {
              "large" : {
                "w" : "1818",
                "h" : "1032",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "681",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "386",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "source_status_id_str" : "895272929587597312",
            "display_url" : "pic.twitter.com/je1f3Mpf8B"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "0",
      "id_str" : "895323661720109056",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "895323661720109056",
      "possibly_sensitive" : false,
      "created_at" : "Wed Aug 09 16:39:29 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @jaffathecake: Well this makes me happy. https://t.co/je1f3Mpf8B",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/jaffathecake/status/895272929587597312/photo/1",
            "source_status_id" : "895272929587597312",
            "indices" : [
              "44",
              "67"
            ],
            "url" : "https://t.co/je1f3Mpf8B",
            "media_url" : "http://pbs.twimg.com/media/DGylws7WAAE9GDp.png",
            "id_str" : "895272682052255745",
            "source_user_id" : "15390783",
            "id" : "895272682052255745",
            "media_url_https" : "https://pbs.twimg.com/media/DGylws7WAAE9GDp.png",
            "source_user_id_str" : "15390783",
            "sizes" : {
              "large" : {
                "w" : "1818",
                "h" : "1032",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1200",
                "h" : "681",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "386",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "source_status_id_str" : "895272929587597312",
            "display_url" : "pic.twitter.com/je1f3Mpf8B"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "895260958943260672"
          ],
          "editableUntil" : "2017-08-09T13:00:20.413Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Alan White",
            "screen_name" : "aljwhite",
            "indices" : [
              "3",
              "12"
            ],
            "id_str" : "24878499",
            "id" : "24878499"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "895260958943260672",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "895260958943260672",
      "created_at" : "Wed Aug 09 12:30:20 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @aljwhite: My favourite subset of internet video is dogs that think their owners are drowning and this one is gold  https://t.co/Yiv2MMZ…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "895259491998081024"
          ],
          "editableUntil" : "2017-08-09T12:54:30.666Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Kahlil Lechelt",
            "screen_name" : "kahliltweets",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "14301605",
            "id" : "14301605"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/WJmsCDzphR",
            "expanded_url" : "https://zachholman.com/posts/javacript-haters",
            "display_url" : "zachholman.com/posts/javacrip…",
            "indices" : [
              "94",
              "117"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "117"
      ],
      "favorite_count" : "0",
      "id_str" : "895259491998081024",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "895259491998081024",
      "possibly_sensitive" : false,
      "created_at" : "Wed Aug 09 12:24:30 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @kahliltweets: &gt;&gt;&gt; A+ would read again JavaScript for People\nWho Hate JavaScript\n\nhttps://t.co/WJmsCDzphR",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "894643909892157440"
          ],
          "editableUntil" : "2017-08-07T20:08:24.455Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Nils Borgböhmer",
            "screen_name" : "nilsborgboehmer",
            "indices" : [
              "0",
              "16"
            ],
            "id_str" : "73353",
            "id" : "73353"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/zYRZYgNCti",
            "expanded_url" : "https://codepen.io/collection/oeBwH/",
            "display_url" : "codepen.io/collection/oeB…",
            "indices" : [
              "86",
              "109"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "109"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "891981228097900544",
      "id_str" : "894643909892157440",
      "in_reply_to_user_id" : "73353",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "894643909892157440",
      "in_reply_to_status_id" : "891981228097900544",
      "possibly_sensitive" : false,
      "created_at" : "Mon Aug 07 19:38:24 +0000 2017",
      "favorited" : false,
      "full_text" : "@nilsborgboehmer I've added your thingy to the rangeslider.js codepen collection 👌 😉\n\nhttps://t.co/zYRZYgNCti",
      "lang" : "en",
      "in_reply_to_screen_name" : "nilsborgboehmer",
      "in_reply_to_user_id_str" : "73353"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "885549455109496832"
          ],
          "editableUntil" : "2017-07-13T17:50:17.468Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Ben Lesh 🇬🇧",
            "screen_name" : "BenLesh",
            "indices" : [
              "3",
              "11"
            ],
            "id_str" : "23795212",
            "id" : "23795212"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "105"
      ],
      "favorite_count" : "0",
      "id_str" : "885549455109496832",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "885549455109496832",
      "created_at" : "Thu Jul 13 17:20:17 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @BenLesh: Why has everyone using React not switched to Preact? Honestly curious. No horse in the race.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "883404209231613952"
          ],
          "editableUntil" : "2017-07-07T19:45:50.994Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Chris Coyier",
            "screen_name" : "Real_CSS_Tricks",
            "indices" : [
              "3",
              "19"
            ],
            "id_str" : "1033184462119399426",
            "id" : "1033184462119399426"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/kZlwlwSTC5",
            "expanded_url" : "https://codepen.io/matuzo/pen/GmXVWo?editors=0100",
            "display_url" : "codepen.io/matuzo/pen/GmX…",
            "indices" : [
              "74",
              "97"
            ]
          }
        ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/Real_CSS_Tricks/status/883395326580736001/photo/1",
            "source_status_id" : "883395326580736001",
            "indices" : [
              "98",
              "121"
            ],
            "url" : "https://t.co/7Yx0x9DSPv",
            "media_url" : "http://pbs.twimg.com/media/DEJzVP9UIAEOkb6.jpg",
            "id_str" : "883395285816188929",
            "source_user_id" : "285019665",
            "id" : "883395285816188929",
            "media_url_https" : "https://pbs.twimg.com/media/DEJzVP9UIAEOkb6.jpg",
            "source_user_id_str" : "285019665",
            "sizes" : {
              "medium" : {
                "w" : "1200",
                "h" : "1086",
                "resize" : "fit"
              },
              "large" : {
                "w" : "1962",
                "h" : "1776",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "616",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "source_status_id_str" : "883395326580736001",
            "display_url" : "pic.twitter.com/7Yx0x9DSPv"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "121"
      ],
      "favorite_count" : "0",
      "id_str" : "883404209231613952",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "883404209231613952",
      "possibly_sensitive" : false,
      "created_at" : "Fri Jul 07 19:15:50 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @Real_CSS_Tricks: oh hi `space-evenly`, we have been waiting for you!\n\nhttps://t.co/kZlwlwSTC5 https://t.co/7Yx0x9DSPv",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/Real_CSS_Tricks/status/883395326580736001/photo/1",
            "source_status_id" : "883395326580736001",
            "indices" : [
              "98",
              "121"
            ],
            "url" : "https://t.co/7Yx0x9DSPv",
            "media_url" : "http://pbs.twimg.com/media/DEJzVP9UIAEOkb6.jpg",
            "id_str" : "883395285816188929",
            "source_user_id" : "285019665",
            "id" : "883395285816188929",
            "media_url_https" : "https://pbs.twimg.com/media/DEJzVP9UIAEOkb6.jpg",
            "source_user_id_str" : "285019665",
            "sizes" : {
              "medium" : {
                "w" : "1200",
                "h" : "1086",
                "resize" : "fit"
              },
              "large" : {
                "w" : "1962",
                "h" : "1776",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "small" : {
                "w" : "680",
                "h" : "616",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "source_status_id_str" : "883395326580736001",
            "display_url" : "pic.twitter.com/7Yx0x9DSPv"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "883403851583311872"
          ],
          "editableUntil" : "2017-07-07T19:44:25.724Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "John Resig",
            "screen_name" : "jeresig",
            "indices" : [
              "3",
              "11"
            ],
            "id_str" : "752673",
            "id" : "752673"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/BaC4RdcvrT",
            "expanded_url" : "https://github.com/blog/2392-introducing-code-owners",
            "display_url" : "github.com/blog/2392-intr…",
            "indices" : [
              "58",
              "81"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "883403851583311872",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "883403851583311872",
      "possibly_sensitive" : false,
      "created_at" : "Fri Jul 07 19:14:25 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @jeresig: Awesome, Github just introduced Code Owners: https://t.co/BaC4RdcvrT We use a similar feature (Herald with Phabricator) at @kh…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "883023249008984064"
          ],
          "editableUntil" : "2017-07-06T18:32:02.999Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Umar Hansa",
            "screen_name" : "umaar",
            "indices" : [
              "3",
              "9"
            ],
            "id_str" : "17207733",
            "id" : "17207733"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/Z3D7PzMo2F",
            "expanded_url" : "https://github.com/wearehive/project-guidelines",
            "display_url" : "github.com/wearehive/proj…",
            "indices" : [
              "44",
              "67"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "139"
      ],
      "favorite_count" : "0",
      "id_str" : "883023249008984064",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "883023249008984064",
      "possibly_sensitive" : false,
      "created_at" : "Thu Jul 06 18:02:02 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @umaar: JavaScript Project Guidelines 📖  https://t.co/Z3D7PzMo2F - Best practices for JavaScript projects. Testing, naming, code style,…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "879292496907563008"
          ],
          "editableUntil" : "2017-06-26T11:27:22.384Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com\" rel=\"nofollow\">Twitter Web Client</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Misha Moroshko",
            "screen_name" : "moroshko",
            "indices" : [
              "3",
              "12"
            ],
            "id_str" : "1038766608",
            "id" : "1038766608"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/8hxaEMjcjr",
            "expanded_url" : "http://rxviz.com",
            "display_url" : "rxviz.com",
            "indices" : [
              "39",
              "62"
            ]
          }
        ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/moroshko/status/878792988066893824/photo/1",
            "source_status_id" : "878792988066893824",
            "indices" : [
              "105",
              "128"
            ],
            "url" : "https://t.co/rIlgGYWVvQ",
            "media_url" : "http://pbs.twimg.com/tweet_video_thumb/DDIZNG-UMAEZDEg.jpg",
            "id_str" : "878792590291644417",
            "source_user_id" : "1038766608",
            "id" : "878792590291644417",
            "media_url_https" : "https://pbs.twimg.com/tweet_video_thumb/DDIZNG-UMAEZDEg.jpg",
            "source_user_id_str" : "1038766608",
            "sizes" : {
              "large" : {
                "w" : "1648",
                "h" : "448",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "185",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "326",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "photo",
            "source_status_id_str" : "878792988066893824",
            "display_url" : "pic.twitter.com/rIlgGYWVvQ"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "128"
      ],
      "favorite_count" : "0",
      "id_str" : "879292496907563008",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "879292496907563008",
      "possibly_sensitive" : false,
      "created_at" : "Mon Jun 26 10:57:22 +0000 2017",
      "favorited" : false,
      "full_text" : "RT @moroshko: 🎉 Happy to finally share https://t.co/8hxaEMjcjr\n▶️ Animated playground for Rx Observables https://t.co/rIlgGYWVvQ",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/moroshko/status/878792988066893824/photo/1",
            "source_status_id" : "878792988066893824",
            "indices" : [
              "105",
              "128"
            ],
            "url" : "https://t.co/rIlgGYWVvQ",
            "media_url" : "http://pbs.twimg.com/tweet_video_thumb/DDIZNG-UMAEZDEg.jpg",
            "id_str" : "878792590291644417",
            "video_info" : {
              "aspect_ratio" : [
                "103",
                "28"
              ],
              "variants" : [
                {
                  "bitrate" : "0",
                  "content_type" : "video/mp4",
                  "url" : "https://video.twimg.com/tweet_video/DDIZNG-UMAEZDEg.mp4"
                }
              ]
            },
            "source_user_id" : "1038766608",
            "id" : "878792590291644417",
            "media_url_https" : "https://pbs.twimg.com/tweet_video_thumb/DDIZNG-UMAEZDEg.jpg",
            "source_user_id_str" : "1038766608",
            "sizes" : {
              "large" : {
                "w" : "1648",
                "h" : "448",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "185",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "1200",
                "h" : "326",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "animated_gif",
            "source_status_id_str" : "878792988066893824",
            "display_url" : "pic.twitter.com/rIlgGYWVvQ"
          }
        ]
      }
    }
  }
]