window.YTD.tweet.part0 = [
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Liz Suelzer",
            "screen_name" : "esuelzer",
            "indices" : [
              "12",
              "21"
            ],
            "id_str" : "2977379716",
            "id" : "2977379716"
          },
          {
            "name" : "Science Magazine",
            "screen_name" : "ScienceMagazine",
            "indices" : [
              "47",
              "63"
            ],
            "id_str" : "32372834",
            "id" : "32372834"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/V0d7lDaPwC",
            "expanded_url" : "https://www.sciencemag.org/news/2021/01/many-scientists-citing-two-scandalous-covid-19-papers-ignore-their-retractions",
            "display_url" : "sciencemag.org/news/2021/01/m…",
            "indices" : [
              "242",
              "265"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "265"
      ],
      "favorite_count" : "5",
      "id_str" : "1359562777325563904",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1359562777325563904",
      "possibly_sensitive" : false,
      "created_at" : "Wed Feb 10 18:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Liz Suelzer @esuelzer shares her thoughts with @ScienceMagazine on the practice of erroneously citing retracted literature based on her MLA@RTI 2019 research study looking at citations to Wakefield's 1998 retracted article.\n \nRead it now ➡️: https://t.co/V0d7lDaPwC",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "42",
              "50"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mI6qxl",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "142",
              "165"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "165"
      ],
      "favorite_count" : "4",
      "id_str" : "1349038438876528641",
      "truncated" : false,
      "retweet_count" : "5",
      "id" : "1349038438876528641",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jan 12 17:00:02 +0000 2021",
      "favorited" : false,
      "full_text" : "Good news! \n\nThe deadline to register for #RTI2021 has been extended to January 25, 2021. \n\nThere are only a few spots still open! Apply now: https://t.co/jgj0mI6qxl",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2121",
            "indices" : [
              "95",
              "103"
            ]
          },
          {
            "text" : "RTI2021",
            "indices" : [
              "224",
              "232"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mI6qxl",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "233",
              "256"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "256"
      ],
      "favorite_count" : "1",
      "id_str" : "1346109129488650242",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1346109129488650242",
      "possibly_sensitive" : false,
      "created_at" : "Mon Jan 04 15:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Want to learn directly from an editor how to get your research published? ✋🏽\n\nKatherine Akers, #RTI2121 faculty member and editor of JMLA, lends her time to helping RTI fellows complete and publish their research! Apply for #RTI2021 https://t.co/jgj0mI6qxl",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "29",
              "37"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/BoNsqk9pWT",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1369",
            "display_url" : "mlanet.org/p/cm/ld/fid=13…",
            "indices" : [
              "221",
              "244"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "244"
      ],
      "favorite_count" : "0",
      "id_str" : "1343967516213747712",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1343967516213747712",
      "possibly_sensitive" : false,
      "created_at" : "Tue Dec 29 17:10:00 +0000 2020",
      "favorited" : false,
      "full_text" : "Make your case for attending #RTI2021! \n\nAcquire research and assessment skills and knowledge.\nImplement research and assessment ideas that transform your institution.\n\n⏰Registration now closes Jan. 10, 2021\n\nMore ideas: https://t.co/BoNsqk9pWT",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "67",
              "75"
            ]
          },
          {
            "text" : "RTI2021",
            "indices" : [
              "229",
              "237"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mIo1VV",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "255",
              "278"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "278"
      ],
      "favorite_count" : "1",
      "id_str" : "1341037207767953409",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1341037207767953409",
      "possibly_sensitive" : false,
      "created_at" : "Mon Dec 21 15:06:00 +0000 2020",
      "favorited" : false,
      "full_text" : "RTI faculty Mark MacEachern has good advice for anyone applying to #RTI2021:\n\n\"I love working closely with the fellows, to see them grow as researchers and transform their ideas into exciting &amp; impactful projects\"\n\nApply for #RTI2021 by Jan. 10, 2021 https://t.co/jgj0mIo1VV",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "104",
              "112"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mI6qxl",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "155",
              "178"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "178"
      ],
      "favorite_count" : "2",
      "id_str" : "1340002137590226944",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1340002137590226944",
      "possibly_sensitive" : false,
      "created_at" : "Fri Dec 18 18:33:00 +0000 2020",
      "favorited" : false,
      "full_text" : "👋🏽 For all applications of the MLA Research Training Institute 2021: \n\n⏰The newly extended deadline for #RTI2021 is Jan. 10, 2021.\n\nLearn more about RTI : https://t.co/jgj0mI6qxl",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "97",
              "105"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Shanda Hunt",
            "screen_name" : "ShandaHunt",
            "indices" : [
              "133",
              "144"
            ],
            "id_str" : "965492276",
            "id" : "965492276"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mIo1VV",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "196",
              "219"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "219"
      ],
      "favorite_count" : "4",
      "id_str" : "1339601251638665216",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1339601251638665216",
      "possibly_sensitive" : false,
      "created_at" : "Thu Dec 17 16:00:01 +0000 2020",
      "favorited" : false,
      "full_text" : "Questions about data analysis &amp; statistics for your library research project? ❓❓❓\n\nApply for #RTI2021 and learn from Shanda Hunt @ShandaHunt how to design your study and analyze your results. https://t.co/jgj0mIo1VV",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Emily Vardell",
            "screen_name" : "evardell",
            "indices" : [
              "14",
              "23"
            ],
            "id_str" : "14286724",
            "id" : "14286724"
          },
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "29",
              "38"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/RiAUGoWKJl",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1790",
            "display_url" : "mlanet.org/p/cm/ld/fid=17…",
            "indices" : [
              "238",
              "261"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "261"
      ],
      "favorite_count" : "8",
      "id_str" : "1337438746552147970",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1337438746552147970",
      "possibly_sensitive" : false,
      "created_at" : "Fri Dec 11 16:47:00 +0000 2020",
      "favorited" : false,
      "full_text" : "Emily Vardell @evardell is a @RTIatMLA faculty lead and an expert instructor and researcher.\n\nEmily teaches modules on conducting qualitative research and analysis. \n\n👉🏽Learn more about Emily and the rest of the amazing RTI faculty here: https://t.co/RiAUGoWKJl",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "246",
              "254"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "5",
              "14"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          },
          {
            "name" : "Dr. Jodi P.",
            "screen_name" : "joditha78",
            "indices" : [
              "43",
              "53"
            ],
            "id_str" : "1403981258",
            "id" : "1403981258"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mI6qxl",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "256",
              "279"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "279"
      ],
      "favorite_count" : "3",
      "id_str" : "1335990705060122624",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1335990705060122624",
      "possibly_sensitive" : false,
      "created_at" : "Mon Dec 07 16:53:00 +0000 2020",
      "favorited" : false,
      "full_text" : "Meet @RTIatMLA faculty lead Jodi Philbrick @joditha78. Her favorite aspect of RTI: \n\n\"Mentoring health sciences librarians through the research process. Their projects keep me grounded in what’s currently happening in the profession.\"\n\nApply for #RTI2021: https://t.co/jgj0mI6qxl",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "60",
              "68"
            ]
          },
          {
            "text" : "RTI2021",
            "indices" : [
              "235",
              "243"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Maggie Shawcross",
            "screen_name" : "mcshawcross",
            "indices" : [
              "22",
              "34"
            ],
            "id_str" : "83710466",
            "id" : "83710466"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mI6qxl",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "244",
              "267"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "267"
      ],
      "favorite_count" : "2",
      "id_str" : "1334909581336608770",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1334909581336608770",
      "possibly_sensitive" : false,
      "created_at" : "Fri Dec 04 17:17:00 +0000 2020",
      "favorited" : false,
      "full_text" : "Meet Maggie Shawcross @mcshawcross. Here's why she apply to #RTI2020:\n\n\"RTI modules used engaging and experienced instructors who presented the information conveniently online! I am ready to start researching, confidently!\"\n\nApply for #RTI2021 https://t.co/jgj0mI6qxl",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "45",
              "53"
            ]
          },
          {
            "text" : "RTI2021",
            "indices" : [
              "247",
              "255"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mIo1VV",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "257",
              "280"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "280"
      ],
      "favorite_count" : "2",
      "id_str" : "1334180528371752960",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1334180528371752960",
      "possibly_sensitive" : false,
      "created_at" : "Wed Dec 02 17:00:00 +0000 2020",
      "favorited" : false,
      "full_text" : "Why Stacy Posillico @MrsPepsiCola applied to #RTI2020:\n\n\"I had an amazing research idea that I knew would be valuable to hospital librarians like me, but I no idea how to do it. The faculty and mentors at RTI exceeded my expectations!\"\n\nApply for #RTI2021: https://t.co/jgj0mIo1VV",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2018",
            "indices" : [
              "0",
              "8"
            ]
          },
          {
            "text" : "RTI2021",
            "indices" : [
              "247",
              "255"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Natasha Williams",
            "screen_name" : "TeatimeForTasha",
            "indices" : [
              "33",
              "49"
            ],
            "id_str" : "1134522807583272960",
            "id" : "1134522807583272960"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mIo1VV",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "256",
              "279"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "279"
      ],
      "favorite_count" : "3",
      "id_str" : "1333455762341900292",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1333455762341900292",
      "possibly_sensitive" : false,
      "created_at" : "Mon Nov 30 17:00:02 +0000 2020",
      "favorited" : false,
      "full_text" : "#RTI2018 fellow Natasha Williams @TeatimeForTasha take on RTI: \n\n\"I wanted to gain knowledge...in the research process to allow myself more opportunities to better connect with the student researchers, MDs, and PhDs at my institution.\"\n\nApply for #RTI2021 https://t.co/jgj0mIo1VV",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Laura Menard, MLS",
            "screen_name" : "LMLibrarian",
            "indices" : [
              "17",
              "29"
            ],
            "id_str" : "839860331656642560",
            "id" : "839860331656642560"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/dyW9OfcIlw",
            "expanded_url" : "https://pubmed.ncbi.nlm.nih.gov/33093190/",
            "display_url" : "pubmed.ncbi.nlm.nih.gov/33093190/",
            "indices" : [
              "209",
              "232"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "232"
      ],
      "favorite_count" : "7",
      "id_str" : "1332021306926256130",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1332021306926256130",
      "possibly_sensitive" : false,
      "created_at" : "Thu Nov 26 18:00:01 +0000 2020",
      "favorited" : false,
      "full_text" : "Ask Laura Menard @LMLibrarian why she applied for RTI? \n\n\"I had a research idea but no idea how to get from idea to execution. I just published my paper!\" \n\n🎉Congrats Laura! See her newly published work here: https://t.co/dyW9OfcIlw",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2018",
            "indices" : [
              "26",
              "34"
            ]
          },
          {
            "text" : "RTI2021",
            "indices" : [
              "248",
              "256"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Amelia Brunskill",
            "screen_name" : "ameliab",
            "indices" : [
              "17",
              "25"
            ],
            "id_str" : "12400612",
            "id" : "12400612"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mIo1VV",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "257",
              "280"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "280"
      ],
      "favorite_count" : "5",
      "id_str" : "1331281432036192256",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1331281432036192256",
      "possibly_sensitive" : false,
      "created_at" : "Tue Nov 24 17:00:02 +0000 2020",
      "favorited" : false,
      "full_text" : "Amelia Brunskill @ameliab #RTI2018 fellow:\n\n\"I applied for RTI because I wanted formal structure and support as I explored a research interest that otherwise would have been all too easy for me to keep setting aside.\"\n\nSound familiar?🙋‍♀️Apply for #RTI2021 https://t.co/jgj0mIo1VV",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "0",
              "8"
            ]
          },
          {
            "text" : "RTI2021",
            "indices" : [
              "246",
              "254"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Gary Atwood",
            "screen_name" : "gsatwood",
            "indices" : [
              "28",
              "37"
            ],
            "id_str" : "20059582",
            "id" : "20059582"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/jgj0mI6qxl",
            "expanded_url" : "https://www.mlanet.org/rti",
            "display_url" : "mlanet.org/rti",
            "indices" : [
              "256",
              "279"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "279"
      ],
      "favorite_count" : "3",
      "id_str" : "1330919044325621767",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1330919044325621767",
      "possibly_sensitive" : false,
      "created_at" : "Mon Nov 23 17:00:02 +0000 2020",
      "favorited" : false,
      "full_text" : "#RTI2020 fellow Gary Atwood @gsatwood applied to RTI:\n\n\"I needed to learn more about how to do research for my own scholarship, but also to better help my patrons with their scholarship.\"\n\nDo you have a research idea and need guidance? Apply for #RTI2021: https://t.co/jgj0mI6qxl",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2018",
            "indices" : [
              "147",
              "155"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Liz Suelzer",
            "screen_name" : "esuelzer",
            "indices" : [
              "32",
              "41"
            ],
            "id_str" : "2977379716",
            "id" : "2977379716"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/NXVntxkTer",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1122&&blogaid=3232",
            "display_url" : "mlanet.org/p/cm/ld/fid=11…",
            "indices" : [
              "251",
              "274"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "274"
      ],
      "favorite_count" : "10",
      "id_str" : "1329840429643288591",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1329840429643288591",
      "possibly_sensitive" : false,
      "created_at" : "Fri Nov 20 17:34:00 +0000 2020",
      "favorited" : false,
      "full_text" : "🎉Congratulations to Liz Suelzer @esuelzer the 2020 Librarian of the Year by the Wisconsin Health Sciences Library Association (WHSLA)! 🌟\n\nLiz is a #RTI2018 fellow and is the User Education and Reference Librarian at the Medical College of Wisconsin. \nhttps://t.co/NXVntxkTer",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Elisabeth (Mueller) Nylander",
            "screen_name" : "nylaelis",
            "indices" : [
              "3",
              "12"
            ],
            "id_str" : "27129696",
            "id" : "27129696"
          },
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "28",
              "37"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          },
          {
            "name" : "JU Library",
            "screen_name" : "jubibl",
            "indices" : [
              "38",
              "45"
            ],
            "id_str" : "24160643",
            "id" : "24160643"
          },
          {
            "name" : "Jönköping University",
            "screen_name" : "JonkopingUni",
            "indices" : [
              "46",
              "59"
            ],
            "id_str" : "131166192",
            "id" : "131166192"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1328684846042976256",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1328684846042976256",
      "created_at" : "Tue Nov 17 13:02:07 +0000 2020",
      "favorited" : false,
      "full_text" : "RT @nylaelis: Check out our @RTIatMLA @jubibl @JonkopingUni virtual poster @EAHIL_2020! #eahil2020 #InformationSeeking #AcademicTwitter #me…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Medical Library Assn",
            "screen_name" : "MedLibAssn",
            "indices" : [
              "149",
              "160"
            ],
            "id_str" : "125408136",
            "id" : "125408136"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/v3qFuJol3t",
            "expanded_url" : "https://www.mlanet.org/e/sx/tk/eid=67",
            "display_url" : "mlanet.org/e/sx/tk/eid=67",
            "indices" : [
              "178",
              "201"
            ]
          }
        ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1323351149379014659/photo/1",
            "indices" : [
              "228",
              "251"
            ],
            "url" : "https://t.co/6pNB9v7BHU",
            "media_url" : "http://pbs.twimg.com/media/El182ffWMAENmEB.jpg",
            "id_str" : "1323351141124550657",
            "id" : "1323351141124550657",
            "media_url_https" : "https://pbs.twimg.com/media/El182ffWMAENmEB.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1117",
                "h" : "796",
                "resize" : "fit"
              },
              "large" : {
                "w" : "1117",
                "h" : "796",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "485",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/6pNB9v7BHU"
          }
        ],
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "61",
              "69"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "251"
      ],
      "favorite_count" : "2",
      "id_str" : "1323351149379014659",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1323351149379014659",
      "possibly_sensitive" : false,
      "created_at" : "Mon Nov 02 19:47:55 +0000 2020",
      "favorited" : false,
      "full_text" : "Registration now open for MLA’s Research Training Institute! #RTI2021 immerses practicing librarians in scholarly research, inquiry, and publishing. @MedLibAssn \n\nRegister here: https://t.co/v3qFuJol3t\n\n⏰Register through Jan. 4 https://t.co/6pNB9v7BHU",
      "lang" : "en",
      "contributors" : [
        "860247001"
      ],
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1323351149379014659/photo/1",
            "indices" : [
              "228",
              "251"
            ],
            "url" : "https://t.co/6pNB9v7BHU",
            "media_url" : "http://pbs.twimg.com/media/El182ffWMAENmEB.jpg",
            "id_str" : "1323351141124550657",
            "id" : "1323351141124550657",
            "media_url_https" : "https://pbs.twimg.com/media/El182ffWMAENmEB.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1117",
                "h" : "796",
                "resize" : "fit"
              },
              "large" : {
                "w" : "1117",
                "h" : "796",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "485",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/6pNB9v7BHU"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Medical Library Assn",
            "screen_name" : "MedLibAssn",
            "indices" : [
              "168",
              "179"
            ],
            "id_str" : "125408136",
            "id" : "125408136"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/RASIQ3s4QB",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1333",
            "display_url" : "mlanet.org/p/cm/ld/fid=13…",
            "indices" : [
              "189",
              "212"
            ]
          }
        ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1322297225620475905/photo/1",
            "indices" : [
              "213",
              "236"
            ],
            "url" : "https://t.co/xtIQ8vITZy",
            "media_url" : "http://pbs.twimg.com/media/EllCnXiWMAET20v.jpg",
            "id_str" : "1322161209710358529",
            "id" : "1322161209710358529",
            "media_url_https" : "https://pbs.twimg.com/media/EllCnXiWMAET20v.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1117",
                "h" : "796",
                "resize" : "fit"
              },
              "large" : {
                "w" : "1117",
                "h" : "796",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "485",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/xtIQ8vITZy"
          }
        ],
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "180",
              "188"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "236"
      ],
      "favorite_count" : "1",
      "id_str" : "1322297225620475905",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1322297225620475905",
      "possibly_sensitive" : false,
      "created_at" : "Fri Oct 30 22:00:00 +0000 2020",
      "favorited" : false,
      "full_text" : "Have you heard about MLA’s Research Training Institute? Take your professional research skills to the next level! Registration opens Nov. 2 through Jan. 4. Stay Tuned! @MedLibAssn #RTI2021 https://t.co/RASIQ3s4QB https://t.co/xtIQ8vITZy",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1322297225620475905/photo/1",
            "indices" : [
              "213",
              "236"
            ],
            "url" : "https://t.co/xtIQ8vITZy",
            "media_url" : "http://pbs.twimg.com/media/EllCnXiWMAET20v.jpg",
            "id_str" : "1322161209710358529",
            "id" : "1322161209710358529",
            "media_url_https" : "https://pbs.twimg.com/media/EllCnXiWMAET20v.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "1117",
                "h" : "796",
                "resize" : "fit"
              },
              "large" : {
                "w" : "1117",
                "h" : "796",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "485",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/xtIQ8vITZy"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/rMZebDLC6X",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1460",
            "display_url" : "mlanet.org/p/cm/ld/fid=14…",
            "indices" : [
              "257",
              "280"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "280"
      ],
      "favorite_count" : "1",
      "id_str" : "1400482411792666639",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1400482411792666639",
      "possibly_sensitive" : false,
      "created_at" : "Thu Jun 03 16:00:01 +0000 2021",
      "favorited" : false,
      "full_text" : "RTI increased research confidence of fellows in all three cohorts. Confidence remained high or increased one year after RTI. Data shows RTI improved fellow's output with a majority of cohorts 1 &amp; 2 completing research projects. The latest RTI findings: https://t.co/rMZebDLC6X",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/JQpEeOcpgU",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1122&&blogaid=3477",
            "display_url" : "mlanet.org/p/cm/ld/fid=11…",
            "indices" : [
              "113",
              "136"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "136"
      ],
      "favorite_count" : "3",
      "id_str" : "1399787769858306048",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1399787769858306048",
      "possibly_sensitive" : false,
      "created_at" : "Tue Jun 01 17:59:45 +0000 2021",
      "favorited" : false,
      "full_text" : "New 2021 RTI Online starts June 1st! Learn more about the program, new features, and institute participants at:  https://t.co/JQpEeOcpgU",
      "lang" : "en",
      "contributors" : [
        "860247001"
      ]
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "mlanet21",
            "indices" : [
              "106",
              "115"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/lrSMXtrRlg",
            "expanded_url" : "https://cdmcd.co/bYKaJq",
            "display_url" : "cdmcd.co/bYKaJq",
            "indices" : [
              "159",
              "182"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "182"
      ],
      "favorite_count" : "2",
      "in_reply_to_status_id_str" : "1393189976771158021",
      "id_str" : "1393189978138550275",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1393189978138550275",
      "in_reply_to_status_id" : "1393189976771158021",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:29 +0000 2021",
      "favorited" : false,
      "full_text" : "🎉Congratulations to the @MLAatRTI fellows for their successful presentations at the RTI Ignite Session at #mlanet21. A recording is coming soon! Session info: https://t.co/lrSMXtrRlg",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2019",
            "indices" : [
              "234",
              "242"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "243",
              "252"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/kkhgDZEuXw",
            "expanded_url" : "https://cdmcd.co/7rq6bZ",
            "display_url" : "cdmcd.co/7rq6bZ",
            "indices" : [
              "253",
              "276"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "276"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1393189975441625091",
      "id_str" : "1393189976771158021",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189976771158021",
      "in_reply_to_status_id" : "1393189975441625091",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:29 +0000 2021",
      "favorited" : false,
      "full_text" : "Rachel Hinrichs studied the publication rate of MLA abstracts from 2012-2014. She found 21.8% of abstracts were eventually published. To increase this rate she suggests improving librarian confidence and encouragement for publishing. #RTI2019 #mlanet21 https://t.co/kkhgDZEuXw",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2018",
            "indices" : [
              "230",
              "238"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "239",
              "248"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/plNuXaPXTh",
            "expanded_url" : "https://cdmcd.co/dEXy83",
            "display_url" : "cdmcd.co/dEXy83",
            "indices" : [
              "249",
              "272"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "272"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1393189974133022722",
      "id_str" : "1393189975441625091",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189975441625091",
      "in_reply_to_status_id" : "1393189974133022722",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:29 +0000 2021",
      "favorited" : false,
      "full_text" : "Helen-Ann Brown Epstein used social constructivism theory to understand the importance of interprofessional journal club. The theory focuses on the process of gaining wisdom from collaboration. Stay tuned to her ongoing research. #RTI2018 #mlanet21 https://t.co/plNuXaPXTh",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "208",
              "216"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "217",
              "226"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/T5MJwFPycX",
            "expanded_url" : "https://cdmcd.co/YkrJY7",
            "display_url" : "cdmcd.co/YkrJY7",
            "indices" : [
              "256",
              "279"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "279"
      ],
      "favorite_count" : "2",
      "in_reply_to_status_id_str" : "1393189972786569224",
      "id_str" : "1393189974133022722",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189974133022722",
      "in_reply_to_status_id" : "1393189972786569224",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:28 +0000 2021",
      "favorited" : false,
      "full_text" : "Kearin Reid presented an evaluation of DistillerAI for title and abstract screening in the systematic review process. Her work found the AI tool excluded manuscripts that human reviewers would have included. #RTI2020 #mlanet21 See nuances of the analysis: https://t.co/T5MJwFPycX",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "230",
              "238"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "239",
              "248"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/OqUCKBhmV2",
            "expanded_url" : "https://cdmcd.co/dEXkEq",
            "display_url" : "cdmcd.co/dEXkEq",
            "indices" : [
              "249",
              "272"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "272"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1393189971306061826",
      "id_str" : "1393189972786569224",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189972786569224",
      "in_reply_to_status_id" : "1393189971306061826",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:28 +0000 2021",
      "favorited" : false,
      "full_text" : "Stacy Winchester reviewed career preparation and services by data librarians working with Health Sciences Graduate Students. She found gaps in training and support for librarians offering data service consultations. More to come! #RTI2020 #mlanet21 https://t.co/OqUCKBhmV2",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2019",
            "indices" : [
              "225",
              "233"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "234",
              "243"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/cTLfuWIu3W",
            "expanded_url" : "https://cdmcd.co/QMQXBy",
            "display_url" : "cdmcd.co/QMQXBy",
            "indices" : [
              "244",
              "267"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "267"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1393189969955418117",
      "id_str" : "1393189971306061826",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189971306061826",
      "in_reply_to_status_id" : "1393189969955418117",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:28 +0000 2021",
      "favorited" : false,
      "full_text" : "Ellen Justice studied the enthusiasm of community-based psychiatry residents for conducting research. How to increase enthusiasm? Having a skilled mentor, relate research to patient care, faculty enthusiastic about research. #RTI2019 #mlanet21 https://t.co/cTLfuWIu3W",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "223",
              "231"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "232",
              "241"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/Fw4MNJvt9q",
            "expanded_url" : "https://cdmcd.co/B7r3m6",
            "display_url" : "cdmcd.co/B7r3m6",
            "indices" : [
              "242",
              "265"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "265"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1393189968625823745",
      "id_str" : "1393189969955418117",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189969955418117",
      "in_reply_to_status_id" : "1393189968625823745",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:27 +0000 2021",
      "favorited" : false,
      "full_text" : "Christi Piper shares about her research on MLIS Graduate Student Employment in Libraries. She found that more employment opportunities are needed. While salary is important, opportunity for skill building was more favored. #RTI2020 #mlanet21 https://t.co/Fw4MNJvt9q",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "202",
              "210"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "211",
              "220"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/9Mr0RXpopz",
            "expanded_url" : "https://cdmcd.co/Z4kg5L",
            "display_url" : "cdmcd.co/Z4kg5L",
            "indices" : [
              "221",
              "244"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "244"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1393189967271055360",
      "id_str" : "1393189968625823745",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189968625823745",
      "in_reply_to_status_id" : "1393189967271055360",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:27 +0000 2021",
      "favorited" : false,
      "full_text" : "Nicky Nickum tells her story of comparing point of care tools and surveying nurses on their preferences. No strong preferences emerged from nurses, but librarians favored Nursing Reference Center Plus. #RTI2020 #mlanet21 https://t.co/9Mr0RXpopz",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "Bibliotherapy",
            "indices" : [
              "40",
              "54"
            ]
          },
          {
            "text" : "pandemic",
            "indices" : [
              "124",
              "133"
            ]
          },
          {
            "text" : "RTI2020",
            "indices" : [
              "225",
              "233"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "234",
              "243"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/adEf3ArVN5",
            "expanded_url" : "https://cdmcd.co/4dwpz4",
            "display_url" : "cdmcd.co/4dwpz4",
            "indices" : [
              "244",
              "267"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "267"
      ],
      "favorite_count" : "1",
      "in_reply_to_status_id_str" : "1393189965832458241",
      "id_str" : "1393189967271055360",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189967271055360",
      "in_reply_to_status_id" : "1393189965832458241",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:27 +0000 2021",
      "favorited" : false,
      "full_text" : "Rebecca Morin discusses her research on #Bibliotherapy for Stress Management for First Year Medical Students. Her work uses #pandemic readings to encourage reflection on challenging situations. Survey data coming June 2021!  #RTI2020 #mlanet21 https://t.co/adEf3ArVN5",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "179",
              "187"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "188",
              "197"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Maggie Shawcross",
            "screen_name" : "mcshawcross",
            "indices" : [
              "17",
              "29"
            ],
            "id_str" : "83710466",
            "id" : "83710466"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/aHTdVwlSdt",
            "expanded_url" : "https://unco.co1.qualtrics.com/jfe/form/SV_aViQvg91hN6LQns",
            "display_url" : "unco.co1.qualtrics.com/jfe/form/SV_aV…",
            "indices" : [
              "155",
              "178"
            ]
          },
          {
            "url" : "https://t.co/K5UNvMmzto",
            "expanded_url" : "https://cdmcd.co/v9BmBR",
            "display_url" : "cdmcd.co/v9BmBR",
            "indices" : [
              "198",
              "221"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "221"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1393189964498669569",
      "id_str" : "1393189965832458241",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189965832458241",
      "in_reply_to_status_id" : "1393189964498669569",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:26 +0000 2021",
      "favorited" : false,
      "full_text" : "Maggie Shawcross @mcshawcross shares about her work on the Preferred Professional Development Methods of Health Sciences Librarians. Take the survey here: https://t.co/aHTdVwlSdt #RTI2020 #mlanet21 https://t.co/K5UNvMmzto",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "235",
              "243"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "244",
              "253"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/hRFCtwsJ7P",
            "expanded_url" : "https://cdmcd.co/G3EZjQ",
            "display_url" : "cdmcd.co/G3EZjQ",
            "indices" : [
              "254",
              "277"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "277"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1393189963097726979",
      "id_str" : "1393189964498669569",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189964498669569",
      "in_reply_to_status_id" : "1393189963097726979",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:26 +0000 2021",
      "favorited" : false,
      "full_text" : "Caitlin Meyer studies if MLIS programs are adequately preparing graduates with instruction skills that are expected in practice. Early findings suggest gaps in instruction-related courses in the graduate training of future librarians. #RTI2020 #mlanet21 https://t.co/hRFCtwsJ7P",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "149",
              "157"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "158",
              "167"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/FefqHqVNlu",
            "expanded_url" : "https://voces.lib.utexas.edu/voces-pandemic",
            "display_url" : "voces.lib.utexas.edu/voces-pandemic",
            "indices" : [
              "66",
              "89"
            ]
          },
          {
            "url" : "https://t.co/n8dhnEdcL0",
            "expanded_url" : "https://cdmcd.co/Wk5GkM",
            "display_url" : "cdmcd.co/Wk5GkM",
            "indices" : [
              "168",
              "191"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "191"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1393189961675939846",
      "id_str" : "1393189963097726979",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189963097726979",
      "in_reply_to_status_id" : "1393189961675939846",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:26 +0000 2021",
      "favorited" : false,
      "full_text" : "Ana Corral shares that she is reusing existing oral history data (https://t.co/FefqHqVNlu) to explore gaps in health literacy in Latinx communities. #RTI2020 #mlanet21\nhttps://t.co/n8dhnEdcL0",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2020",
            "indices" : [
              "237",
              "245"
            ]
          },
          {
            "text" : "mlanet21",
            "indices" : [
              "246",
              "255"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "mesYlibrarian",
            "screen_name" : "mesYlibrarian",
            "indices" : [
              "15",
              "29"
            ],
            "id_str" : "978981578",
            "id" : "978981578"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/3zZxQki4W5",
            "expanded_url" : "https://cdmcd.co/DwdPLR",
            "display_url" : "cdmcd.co/DwdPLR",
            "indices" : [
              "257",
              "280"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "280"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1393189960195395585",
      "id_str" : "1393189961675939846",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1393189961675939846",
      "in_reply_to_status_id" : "1393189960195395585",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:25 +0000 2021",
      "favorited" : false,
      "full_text" : "Melanie Sorsby @mesYlibrarian studies how increasing empathy helps nursing burnout and improves the quality of health care. Her work will use graphic medical books and focus groups to evaluate the empathy scores of nursing participants. #RTI2020 #mlanet21  https://t.co/3zZxQki4W5",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "mlanet21",
            "indices" : [
              "40",
              "49"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "90",
              "99"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/lrSMXtagtI",
            "expanded_url" : "https://cdmcd.co/bYKaJq",
            "display_url" : "cdmcd.co/bYKaJq",
            "indices" : [
              "151",
              "174"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "174"
      ],
      "favorite_count" : "2",
      "id_str" : "1393189960195395585",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1393189960195395585",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 14 13:02:25 +0000 2021",
      "favorited" : false,
      "full_text" : "If you missed the RTI Ignite Session at #mlanet21 see this thread on research projects by @RTIatMLA fellows. A recording is coming soon! Session info: https://t.co/lrSMXtagtI",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/5cJnVbmUYe",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1812",
            "display_url" : "mlanet.org/p/cm/ld/fid=18…",
            "indices" : [
              "164",
              "187"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "264"
      ],
      "favorite_count" : "1",
      "id_str" : "1392549530827116549",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1392549530827116549",
      "possibly_sensitive" : false,
      "created_at" : "Wed May 12 18:37:35 +0000 2021",
      "favorited" : false,
      "full_text" : "Reminder! Join us at noon (CT) on Thursday, May 13 at the Live RTI Ignite Sessions at MLA '21 where fellows discuss their recent research projects. \n\nMeeting link: https://t.co/5cJnVbmUYe\n\nMLA members do not have to be registered for MLA '21 to attend the session.",
      "lang" : "en",
      "contributors" : [
        "860247001"
      ]
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/2XATSfa2T4",
            "expanded_url" : "https://www.mlanet.org/page/rti-fellows-scholarly-contributions",
            "display_url" : "mlanet.org/page/rti-fello…",
            "indices" : [
              "84",
              "107"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "149"
      ],
      "favorite_count" : "2",
      "id_str" : "1391800199484526597",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1391800199484526597",
      "possibly_sensitive" : false,
      "created_at" : "Mon May 10 17:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Thrilled to see the list of research works completed by the 2018 and 2019 Fellows.\n\nhttps://t.co/2XATSfa2T4\n\n👏 You have all done the Institute proud!",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/omLzEXbCXt",
            "expanded_url" : "https://www.mlanet.org/mla21",
            "display_url" : "mlanet.org/mla21",
            "indices" : [
              "168",
              "191"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "191"
      ],
      "favorite_count" : "2",
      "id_str" : "1390736695369347074",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1390736695369347074",
      "possibly_sensitive" : false,
      "created_at" : "Fri May 07 18:34:01 +0000 2021",
      "favorited" : false,
      "full_text" : "👋Join us at noon (CT) on Thursday, May 13 at the Live RTI Ignite Sessions at MLA '21 where fellows discuss their recent research projects and experiences.\n\nLearn more: https://t.co/omLzEXbCXt",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/omLzEXbCXt",
            "expanded_url" : "https://www.mlanet.org/mla21",
            "display_url" : "mlanet.org/mla21",
            "indices" : [
              "146",
              "169"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "169"
      ],
      "favorite_count" : "4",
      "id_str" : "1367157828000088065",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1367157828000088065",
      "possibly_sensitive" : false,
      "created_at" : "Wed Mar 03 17:00:01 +0000 2021",
      "favorited" : false,
      "full_text" : "Mark your calendars! 📆\n\nThe Live RTI Session will be Thursday, May 13 from 12-2 pm CT, during Exploration Week 1 of MLA '21\n\nDetails coming soon: https://t.co/omLzEXbCXt",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/V37OSQisde",
            "expanded_url" : "https://dism.duke.edu/files/2020/05/Tipsheet-Qualitative_Interviews.pdf",
            "display_url" : "dism.duke.edu/files/2020/05/…",
            "indices" : [
              "196",
              "219"
            ]
          }
        ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1445774347734421515/photo/1",
            "indices" : [
              "220",
              "243"
            ],
            "url" : "https://t.co/fAeTqUp3p8",
            "media_url" : "http://pbs.twimg.com/media/E-2JNRHWEAAAoAu.png",
            "id_str" : "1435954717226569728",
            "id" : "1435954717226569728",
            "media_url_https" : "https://pbs.twimg.com/media/E-2JNRHWEAAAoAu.png",
            "sizes" : {
              "small" : {
                "w" : "614",
                "h" : "334",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "614",
                "h" : "334",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "614",
                "h" : "334",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/fAeTqUp3p8"
          }
        ],
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "125",
              "133"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "134",
              "147"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "243"
      ],
      "favorite_count" : "3",
      "id_str" : "1445774347734421515",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1445774347734421515",
      "possibly_sensitive" : false,
      "created_at" : "Wed Oct 06 15:34:00 +0000 2021",
      "favorited" : false,
      "full_text" : "In Module 7, #RTI2021 fellows turned to qualitative methods and interviews, learning how to create a robust interview guide. #JoinRTI #RTIFlashback\n\nSee the Duke Initiative on Survey Methodology: https://t.co/V37OSQisde https://t.co/fAeTqUp3p8",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1445774347734421515/photo/1",
            "indices" : [
              "220",
              "243"
            ],
            "url" : "https://t.co/fAeTqUp3p8",
            "media_url" : "http://pbs.twimg.com/media/E-2JNRHWEAAAoAu.png",
            "id_str" : "1435954717226569728",
            "id" : "1435954717226569728",
            "media_url_https" : "https://pbs.twimg.com/media/E-2JNRHWEAAAoAu.png",
            "sizes" : {
              "small" : {
                "w" : "614",
                "h" : "334",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "614",
                "h" : "334",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "614",
                "h" : "334",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/fAeTqUp3p8"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/TO3rsbMGCi",
            "expanded_url" : "https://www.statisticssolutions.com/independent-and-dependent-variables/",
            "display_url" : "statisticssolutions.com/independent-an…",
            "indices" : [
              "211",
              "234"
            ]
          }
        ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1445380502249148420/photo/1",
            "indices" : [
              "235",
              "258"
            ],
            "url" : "https://t.co/TfUJHznnrE",
            "media_url" : "http://pbs.twimg.com/media/E-2IPdvWYAIv0w7.png",
            "id_str" : "1435953655463698434",
            "id" : "1435953655463698434",
            "media_url_https" : "https://pbs.twimg.com/media/E-2IPdvWYAIv0w7.png",
            "sizes" : {
              "large" : {
                "w" : "669",
                "h" : "406",
                "resize" : "fit"
              },
              "small" : {
                "w" : "669",
                "h" : "406",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "669",
                "h" : "406",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/TfUJHznnrE"
          }
        ],
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "180",
              "188"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "189",
              "202"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "258"
      ],
      "favorite_count" : "1",
      "id_str" : "1445380502249148420",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1445380502249148420",
      "possibly_sensitive" : false,
      "created_at" : "Tue Oct 05 13:29:00 +0000 2021",
      "favorited" : false,
      "full_text" : "In Module 6, #RTI2021 fellows focused on quantitative analysis, learning to recognize dependent and independent variables, and identified tutorials to help with statistical tools. #JoinRTI #RTIFlashback\n\nImage: https://t.co/TO3rsbMGCi https://t.co/TfUJHznnrE",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1445380502249148420/photo/1",
            "indices" : [
              "235",
              "258"
            ],
            "url" : "https://t.co/TfUJHznnrE",
            "media_url" : "http://pbs.twimg.com/media/E-2IPdvWYAIv0w7.png",
            "id_str" : "1435953655463698434",
            "id" : "1435953655463698434",
            "media_url_https" : "https://pbs.twimg.com/media/E-2IPdvWYAIv0w7.png",
            "sizes" : {
              "large" : {
                "w" : "669",
                "h" : "406",
                "resize" : "fit"
              },
              "small" : {
                "w" : "669",
                "h" : "406",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "669",
                "h" : "406",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/TfUJHznnrE"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "83",
              "91"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "92",
              "105"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/wAyrEpigRs",
            "expanded_url" : "https://journals.lww.com/academicmedicine/fulltext/2018/03000/The_Survey_Checklist__Manifesto_.18.aspx",
            "display_url" : "journals.lww.com/academicmedici…",
            "indices" : [
              "226",
              "249"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "249"
      ],
      "favorite_count" : "2",
      "id_str" : "1443613609582469124",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1443613609582469124",
      "possibly_sensitive" : false,
      "created_at" : "Thu Sep 30 16:28:00 +0000 2021",
      "favorited" : false,
      "full_text" : "In Module 5, #RTI2021 fellows learned about survey design and ways to reduce bias. #JoinRTI #RTIFlashback\n\nA key resource in their study was Gehlback and Artino (2018) paper on “The survey checklist (manifesto)” available at: https://t.co/wAyrEpigRs",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Susan Lessick",
            "screen_name" : "susanlessick",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "21712876",
            "id" : "21712876"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1443319795341008911",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1443319795341008911",
      "created_at" : "Wed Sep 29 21:00:29 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @susanlessick: Interesting study that shows query letters to journal editors are beneficial to both authors and editors - and strengthen…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/vKKZ5GXjRF",
            "expanded_url" : "https://nsuworks.nova.edu/ijahsp_gallery/20/",
            "display_url" : "nsuworks.nova.edu/ijahsp_gallery…",
            "indices" : [
              "201",
              "224"
            ]
          }
        ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1442872476128657414/photo/1",
            "indices" : [
              "225",
              "248"
            ],
            "url" : "https://t.co/HKSQqkaFYB",
            "media_url" : "http://pbs.twimg.com/media/E-2HETJX0AIJCsr.png",
            "id_str" : "1435952364129865730",
            "id" : "1435952364129865730",
            "media_url_https" : "https://pbs.twimg.com/media/E-2HETJX0AIJCsr.png",
            "sizes" : {
              "medium" : {
                "w" : "500",
                "h" : "381",
                "resize" : "fit"
              },
              "small" : {
                "w" : "500",
                "h" : "381",
                "resize" : "fit"
              },
              "large" : {
                "w" : "500",
                "h" : "381",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/HKSQqkaFYB"
          }
        ],
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "148",
              "156"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "157",
              "170"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "248"
      ],
      "favorite_count" : "1",
      "id_str" : "1442872476128657414",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1442872476128657414",
      "possibly_sensitive" : false,
      "created_at" : "Tue Sep 28 15:23:00 +0000 2021",
      "favorited" : false,
      "full_text" : "In Module 4, #RTI2021 fellows focused on research design, learning the differences between quantitative, qualitative, and mixed methods approaches. #JoinRTI #RTIFlashback\n\nImage: Crowe M, Sherppard L. https://t.co/vKKZ5GXjRF https://t.co/HKSQqkaFYB",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1442872476128657414/photo/1",
            "indices" : [
              "225",
              "248"
            ],
            "url" : "https://t.co/HKSQqkaFYB",
            "media_url" : "http://pbs.twimg.com/media/E-2HETJX0AIJCsr.png",
            "id_str" : "1435952364129865730",
            "id" : "1435952364129865730",
            "media_url_https" : "https://pbs.twimg.com/media/E-2HETJX0AIJCsr.png",
            "sizes" : {
              "medium" : {
                "w" : "500",
                "h" : "381",
                "resize" : "fit"
              },
              "small" : {
                "w" : "500",
                "h" : "381",
                "resize" : "fit"
              },
              "large" : {
                "w" : "500",
                "h" : "381",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/HKSQqkaFYB"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Medical Library Assn",
            "screen_name" : "MedLibAssn",
            "indices" : [
              "3",
              "14"
            ],
            "id_str" : "125408136",
            "id" : "125408136"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1441378501580374032",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1441378501580374032",
      "created_at" : "Fri Sep 24 12:26:28 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @MedLibAssn: Can working with a librarian improve your research process? A recent study reveals the important role librarians play in de…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "102",
              "110"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "111",
              "124"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Marcia Bates",
            "screen_name" : "mjbinfo",
            "indices" : [
              "139",
              "147"
            ],
            "id_str" : "55725713",
            "id" : "55725713"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/7Ldmntdr5E",
            "expanded_url" : "https://pages.gseis.ucla.edu/faculty/bates/articles/metatheories.pdf",
            "display_url" : "pages.gseis.ucla.edu/faculty/bates/…",
            "indices" : [
              "215",
              "238"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "238"
      ],
      "favorite_count" : "1",
      "id_str" : "1440667698388553733",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1440667698388553733",
      "possibly_sensitive" : false,
      "created_at" : "Wed Sep 22 13:22:00 +0000 2021",
      "favorited" : false,
      "full_text" : "In Module 3, #RTI2021 fellows learned the importance of theoretical frameworks for research studies.  #JoinRTI #RTIFlashback\n\nFellows read @mjbinfo’s chapter “An introduction to metatheories, theories, and models.” https://t.co/7Ldmntdr5E",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "121",
              "129"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "130",
              "143"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/R3JohexRph",
            "expanded_url" : "https://cirt.gcu.edu/research/develop/tutorials/question",
            "display_url" : "cirt.gcu.edu/research/devel…",
            "indices" : [
              "179",
              "202"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "202"
      ],
      "favorite_count" : "0",
      "id_str" : "1439967586117169156",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1439967586117169156",
      "possibly_sensitive" : false,
      "created_at" : "Mon Sep 20 15:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "In Module 2, #RTI2021 fellows learned the aspects of a good research question and how to create a robust research plan.  #JoinRTI #RTIFlashback\n\nA key resource the fellows used:  https://t.co/R3JohexRph",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "researchprocess",
            "indices" : [
              "152",
              "168"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "169",
              "177"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "178",
              "191"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "77",
              "86"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "191"
      ],
      "favorite_count" : "0",
      "id_str" : "1438518047203942405",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1438518047203942405",
      "created_at" : "Thu Sep 16 15:00:03 +0000 2021",
      "favorited" : false,
      "full_text" : "In Module 1, #RTI2021 fellows met their classmates and reviewed the goals of @RTIatMLA program to train and mentor them through the research process. \n\n#researchprocess #JoinRTI #RTIFlashback",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "flashback",
            "indices" : [
              "67",
              "77"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "217",
              "225"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "226",
              "239"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/RASIQ3ats1",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1333",
            "display_url" : "mlanet.org/p/cm/ld/fid=13…",
            "indices" : [
              "240",
              "263"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "263"
      ],
      "favorite_count" : "2",
      "id_str" : "1437418287311196160",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1437418287311196160",
      "possibly_sensitive" : false,
      "created_at" : "Mon Sep 13 14:10:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Hurray! 🎉Our #RTI2021 fellows finished their core modules. We will #flashback on their learning by sharing resources. Interested in joining RTI? See our website and stay tuned for an informational session in October. #JoinRTI #RTIFlashback https://t.co/RASIQ3ats1",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Susan Lessick",
            "screen_name" : "susanlessick",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "21712876",
            "id" : "21712876"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "55"
      ],
      "favorite_count" : "0",
      "id_str" : "1432793196589985799",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1432793196589985799",
      "created_at" : "Tue Aug 31 19:51:32 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @susanlessick: Meet Cindy Gruwell - 2021 RTI Fellow!",
      "lang" : "in"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2019",
            "indices" : [
              "207",
              "215"
            ]
          },
          {
            "text" : "SystematicReview",
            "indices" : [
              "216",
              "233"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Jennifer Westrick",
            "screen_name" : "jcwchicago",
            "indices" : [
              "93",
              "104"
            ],
            "id_str" : "208113424",
            "id" : "208113424"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/aSqT815wBv",
            "expanded_url" : "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC8270353/",
            "display_url" : "ncbi.nlm.nih.gov/pmc/articles/P…",
            "indices" : [
              "250",
              "273"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "273"
      ],
      "favorite_count" : "1",
      "id_str" : "1432734939267538952",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1432734939267538952",
      "possibly_sensitive" : false,
      "created_at" : "Tue Aug 31 16:00:03 +0000 2021",
      "favorited" : false,
      "full_text" : "Locating clinical trial information for systematic reviews is challenging. Jennifer Westrick @jcwchicago found no consistent method for creating search strategies to locate diverse types of clinical trials. #RTI2019 #SystematicReview Read more here: https://t.co/aSqT815wBv",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2019",
            "indices" : [
              "223",
              "231"
            ]
          },
          {
            "text" : "SystematicReview",
            "indices" : [
              "232",
              "249"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Jennifer Westrick",
            "screen_name" : "jcwchicago",
            "indices" : [
              "112",
              "123"
            ],
            "id_str" : "208113424",
            "id" : "208113424"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/WY7RMzsMin",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1122&&blogaid=3595",
            "display_url" : "mlanet.org/p/cm/ld/fid=11…",
            "indices" : [
              "250",
              "273"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "273"
      ],
      "favorite_count" : "0",
      "id_str" : "1430183116820336647",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1430183116820336647",
      "possibly_sensitive" : false,
      "created_at" : "Tue Aug 24 15:00:01 +0000 2021",
      "favorited" : false,
      "full_text" : "What training is available for medical librarians to identify types of clinical trials? See Jennifer Westrick’s @jcwchicago conclusions when surveying librarians about their ability to locate trials for systematic reviews. #RTI2019 #SystematicReview https://t.co/WY7RMzsMin",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "ClevelandClinicLibraries",
            "indices" : [
              "108",
              "133"
            ]
          },
          {
            "text" : "RTI2019",
            "indices" : [
              "178",
              "186"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "141",
              "150"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/LFMokAF1yq",
            "expanded_url" : "https://www.mlanet.org/blog/rti-research-spotlight-multiyear-assessment-reveals-utilization-patterns-and-preferences-of-residents/fellows-with-some-surprising-results",
            "display_url" : "mlanet.org/blog/rti-resea…",
            "indices" : [
              "187",
              "210"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "210"
      ],
      "favorite_count" : "0",
      "id_str" : "1425460746066882573",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1425460746066882573",
      "possibly_sensitive" : false,
      "created_at" : "Wed Aug 11 14:15:00 +0000 2021",
      "favorited" : false,
      "full_text" : "📚Read up on Mary Pat Harnegie’s insights on her research process for a multi-year evaluation of services by #ClevelandClinicLibraries in the @RTIatMLA Research Spotlight Series. #RTI2019 https://t.co/LFMokAF1yq",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "ClevelandClinicLibraries",
            "indices" : [
              "74",
              "99"
            ]
          },
          {
            "text" : "RTI2019",
            "indices" : [
              "230",
              "238"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/XGiXyNPFOX",
            "expanded_url" : "https://www.tandfonline.com/doi/abs/10.1080/15323269.2021.1899781?journalCode=whos20#.YQ1WesO1rec.twitter",
            "display_url" : "tandfonline.com/doi/abs/10.108…",
            "indices" : [
              "239",
              "262"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "262"
      ],
      "favorite_count" : "0",
      "id_str" : "1424749811383738373",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1424749811383738373",
      "possibly_sensitive" : false,
      "created_at" : "Mon Aug 09 15:10:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Don’t miss 👀 Mary Pat Harnegie's recent article on evaluating services by #ClevelandClinicLibraries. Popular services were interlibrary loan, study space, asking for staff assistance, &amp; librarian-assisted literature searches. #RTI2019 https://t.co/XGiXyNPFOX",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Liz Suelzer",
            "screen_name" : "esuelzer",
            "indices" : [
              "3",
              "12"
            ],
            "id_str" : "2977379716",
            "id" : "2977379716"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1418604609820573699",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1418604609820573699",
      "created_at" : "Fri Jul 23 16:11:10 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @esuelzer: How can you tell if a paper has been retracted?🤔 Some databases display retraction information better than others.\n\nChallenge…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "42",
              "51"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/waCseVQZKW",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1122&&blogaid=3499",
            "display_url" : "mlanet.org/p/cm/ld/fid=11…",
            "indices" : [
              "89",
              "112"
            ]
          }
        ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1408424747222794247/photo/1",
            "indices" : [
              "113",
              "136"
            ],
            "url" : "https://t.co/pJUci73FAE",
            "media_url" : "http://pbs.twimg.com/media/E4ukodLXIAAqxtu.png",
            "id_str" : "1408400323417415680",
            "id" : "1408400323417415680",
            "media_url_https" : "https://pbs.twimg.com/media/E4ukodLXIAAqxtu.png",
            "sizes" : {
              "medium" : {
                "w" : "1200",
                "h" : "613",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "347",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1047",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/pJUci73FAE"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "136"
      ],
      "favorite_count" : "2",
      "id_str" : "1408424747222794247",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1408424747222794247",
      "possibly_sensitive" : false,
      "created_at" : "Fri Jun 25 14:00:01 +0000 2021",
      "favorited" : false,
      "full_text" : "Check out the research topics proposed by @RTIatMLA applicants this year via word cloud. https://t.co/waCseVQZKW https://t.co/pJUci73FAE",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1408424747222794247/photo/1",
            "indices" : [
              "113",
              "136"
            ],
            "url" : "https://t.co/pJUci73FAE",
            "media_url" : "http://pbs.twimg.com/media/E4ukodLXIAAqxtu.png",
            "id_str" : "1408400323417415680",
            "id" : "1408400323417415680",
            "media_url_https" : "https://pbs.twimg.com/media/E4ukodLXIAAqxtu.png",
            "sizes" : {
              "medium" : {
                "w" : "1200",
                "h" : "613",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "347",
                "resize" : "fit"
              },
              "large" : {
                "w" : "2048",
                "h" : "1047",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/pJUci73FAE"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Rudolph Matas Library",
            "screen_name" : "mataslibrary",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "14872368",
            "id" : "14872368"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1403010449470373888",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1403010449470373888",
      "created_at" : "Thu Jun 10 15:25:32 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @mataslibrary: Congratulations to research support librarian Amy Corder! She has been selected as a fellow for the Medical Library Assoc…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://www.tweetmyslides.com\" rel=\"nofollow\">TweetMySlides</a>",
      "entities" : {
        "user_mentions" : [ ],
        "urls" : [ ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1403007928093876226/photo/1",
            "indices" : [
              "263",
              "286"
            ],
            "url" : "https://t.co/TYmy7KTN0a",
            "media_url" : "http://pbs.twimg.com/media/E3h8RYqXEAA8NgB.jpg",
            "id_str" : "1403007922045652992",
            "id" : "1403007922045652992",
            "media_url_https" : "https://pbs.twimg.com/media/E3h8RYqXEAA8NgB.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "383",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "960",
                "h" : "540",
                "resize" : "fit"
              },
              "large" : {
                "w" : "960",
                "h" : "540",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/TYmy7KTN0a"
          }
        ],
        "hashtags" : [
          {
            "text" : "RTI2018",
            "indices" : [
              "59",
              "67"
            ]
          },
          {
            "text" : "RTI2019",
            "indices" : [
              "72",
              "80"
            ]
          },
          {
            "text" : "RTI2018",
            "indices" : [
              "199",
              "207"
            ]
          },
          {
            "text" : "RTI2019",
            "indices" : [
              "212",
              "220"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "286"
      ],
      "favorite_count" : "0",
      "in_reply_to_status_id_str" : "1403007918614712322",
      "id_str" : "1403007928093876226",
      "in_reply_to_user_id" : "1321902678188974081",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1403007928093876226",
      "in_reply_to_status_id" : "1403007918614712322",
      "possibly_sensitive" : false,
      "created_at" : "Thu Jun 10 15:15:31 +0000 2021",
      "favorited" : false,
      "full_text" : "2/2:\nRTI was effective in improving output. 70% (28/40) of #RTI2018 and #RTI2019 fellows completed projects &amp; generated 12 publications as of May 2021. The most frequent institutional impact for #RTI2018 and #RTI2019 fellows is forming research partnerships. https://t.co/TYmy7KTN0a",
      "lang" : "en",
      "in_reply_to_screen_name" : "RTIatMLA",
      "in_reply_to_user_id_str" : "1321902678188974081",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1403007928093876226/photo/1",
            "indices" : [
              "263",
              "286"
            ],
            "url" : "https://t.co/TYmy7KTN0a",
            "media_url" : "http://pbs.twimg.com/media/E3h8RYqXEAA8NgB.jpg",
            "id_str" : "1403007922045652992",
            "id" : "1403007922045652992",
            "media_url_https" : "https://pbs.twimg.com/media/E3h8RYqXEAA8NgB.jpg",
            "sizes" : {
              "small" : {
                "w" : "680",
                "h" : "383",
                "resize" : "fit"
              },
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "medium" : {
                "w" : "960",
                "h" : "540",
                "resize" : "fit"
              },
              "large" : {
                "w" : "960",
                "h" : "540",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/TYmy7KTN0a"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://www.tweetmyslides.com\" rel=\"nofollow\">TweetMySlides</a>",
      "entities" : {
        "user_mentions" : [
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "36",
              "45"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          }
        ],
        "urls" : [
          {
            "url" : "https://t.co/4MleXbfbpj",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1634",
            "display_url" : "mlanet.org/p/cm/ld/fid=16…",
            "indices" : [
              "228",
              "251"
            ]
          }
        ],
        "symbols" : [ ],
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1403007918614712322/photo/1",
            "indices" : [
              "252",
              "275"
            ],
            "url" : "https://t.co/AYqZjZ1jI7",
            "media_url" : "http://pbs.twimg.com/media/E3h8QwOWYAMzxQt.jpg",
            "id_str" : "1403007911190749187",
            "id" : "1403007911190749187",
            "media_url_https" : "https://pbs.twimg.com/media/E3h8QwOWYAMzxQt.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "960",
                "h" : "540",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "383",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "960",
                "h" : "540",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/AYqZjZ1jI7"
          }
        ],
        "hashtags" : [ ]
      },
      "display_text_range" : [
        "0",
        "275"
      ],
      "favorite_count" : "1",
      "id_str" : "1403007918614712322",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1403007918614712322",
      "possibly_sensitive" : false,
      "created_at" : "Thu Jun 10 15:15:29 +0000 2021",
      "favorited" : false,
      "full_text" : "1/2:\nAssessment findings of the RTI @RTIatMLA are freely accessible in order to share conclusions, make methods transparent, allow verification of data, and ensure good use of public funds. Learn more @ RTI Assessment Findings: https://t.co/4MleXbfbpj https://t.co/AYqZjZ1jI7",
      "lang" : "en",
      "extended_entities" : {
        "media" : [
          {
            "expanded_url" : "https://twitter.com/RTIatMLA/status/1403007918614712322/photo/1",
            "indices" : [
              "252",
              "275"
            ],
            "url" : "https://t.co/AYqZjZ1jI7",
            "media_url" : "http://pbs.twimg.com/media/E3h8QwOWYAMzxQt.jpg",
            "id_str" : "1403007911190749187",
            "id" : "1403007911190749187",
            "media_url_https" : "https://pbs.twimg.com/media/E3h8QwOWYAMzxQt.jpg",
            "sizes" : {
              "thumb" : {
                "w" : "150",
                "h" : "150",
                "resize" : "crop"
              },
              "large" : {
                "w" : "960",
                "h" : "540",
                "resize" : "fit"
              },
              "small" : {
                "w" : "680",
                "h" : "383",
                "resize" : "fit"
              },
              "medium" : {
                "w" : "960",
                "h" : "540",
                "resize" : "fit"
              }
            },
            "type" : "photo",
            "display_url" : "pic.twitter.com/AYqZjZ1jI7"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Medical Library Assn",
            "screen_name" : "MedLibAssn",
            "indices" : [
              "3",
              "14"
            ],
            "id_str" : "125408136",
            "id" : "125408136"
          },
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "30",
              "39"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          },
          {
            "name" : "Susan Lessick",
            "screen_name" : "susanlessick",
            "indices" : [
              "97",
              "110"
            ],
            "id_str" : "21712876",
            "id" : "21712876"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1461803859693686789",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1461803859693686789",
      "created_at" : "Fri Nov 19 21:09:33 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @MedLibAssn: Interested in @RTIatMLA? Drop in for a virtual session with RTI Program Director @susanlessick and RTI Faculty Jodi Philbri…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Susan Lessick",
            "screen_name" : "susanlessick",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "21712876",
            "id" : "21712876"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "98"
      ],
      "favorite_count" : "0",
      "id_str" : "1461690842947604488",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1461690842947604488",
      "created_at" : "Fri Nov 19 13:40:28 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @susanlessick: RTI ALUMNI THROWBACK THURSDAY. Recognizing Michele Mason-Coles for amazing work!",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Susan Lessick",
            "screen_name" : "susanlessick",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "21712876",
            "id" : "21712876"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1456595454175682562",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1456595454175682562",
      "created_at" : "Fri Nov 05 12:13:13 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @susanlessick: This excellent article continues Amelia's important work on accessibility web pages in libraries. Improvements are necess…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Susan Lessick",
            "screen_name" : "susanlessick",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "21712876",
            "id" : "21712876"
          },
          {
            "name" : "Research Training Institute for Librarians",
            "screen_name" : "RTIatMLA",
            "indices" : [
              "93",
              "102"
            ],
            "id_str" : "1321902678188974081",
            "id" : "1321902678188974081"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "103"
      ],
      "favorite_count" : "0",
      "id_str" : "1456595411347640324",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1456595411347640324",
      "created_at" : "Fri Nov 05 12:13:02 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @susanlessick: Nice NNLM interview w Liz Kellermeyer - one of our awesome '18 RTI Fellows @RTIatMLA!",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Susan Lessick",
            "screen_name" : "susanlessick",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "21712876",
            "id" : "21712876"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "140"
      ],
      "favorite_count" : "0",
      "id_str" : "1453053935464374276",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1453053935464374276",
      "created_at" : "Tue Oct 26 17:40:29 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @susanlessick: Congrats to RTI’s own Christi Piper! Her study shows a lack of LIS graduate student employment opportunities in libraries…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/5cJnVbmUYe",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1812",
            "display_url" : "mlanet.org/p/cm/ld/fid=18…",
            "indices" : [
              "148",
              "171"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "171"
      ],
      "favorite_count" : "1",
      "id_str" : "1451245300451061764",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1451245300451061764",
      "possibly_sensitive" : false,
      "created_at" : "Thu Oct 21 17:53:37 +0000 2021",
      "favorited" : false,
      "full_text" : "Starting in a few minutes! Join us for an informational session on the MLA Research Training Institute. \n\nLog into MLANet to view the session link: https://t.co/5cJnVbmUYe",
      "lang" : "en",
      "contributors" : [
        "860247001"
      ]
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/5cJnVbmUYe",
            "expanded_url" : "https://www.mlanet.org/p/cm/ld/fid=1812",
            "display_url" : "mlanet.org/p/cm/ld/fid=18…",
            "indices" : [
              "184",
              "207"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "207"
      ],
      "favorite_count" : "1",
      "id_str" : "1450461734515449857",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1450461734515449857",
      "possibly_sensitive" : false,
      "created_at" : "Tue Oct 19 14:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Join us! Become a Researcher: Learn About MLA's 2022 Research Training Institute.\n\n⏰ Thursday, October 21, 1:00 p.m. - 2:00 p.m., central time. \n\nLog into MLANet to view session link: https://t.co/5cJnVbmUYe",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "MidwestMCMLA2021",
            "indices" : [
              "227",
              "244"
            ]
          },
          {
            "text" : "RTI2020",
            "indices" : [
              "245",
              "253"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/wny1ujufxY",
            "expanded_url" : "http://midwestmla.org/conference2021/conference-papers-and-posters/",
            "display_url" : "midwestmla.org/conference2021…",
            "indices" : [
              "254",
              "277"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "277"
      ],
      "favorite_count" : "5",
      "id_str" : "1450126021563404291",
      "truncated" : false,
      "retweet_count" : "1",
      "id" : "1450126021563404291",
      "possibly_sensitive" : false,
      "created_at" : "Mon Oct 18 15:46:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Christi Piper won MCMLA Best Research Paper Award for her presentation \"Why Doesn't Anyone Want to Apply to our Jobs? A Qualitative Study on MLIS Graduate Student's Perceptions of and Interest in Health Sciences Librarianship\" #MidwestMCMLA2021 #RTI2020\nhttps://t.co/wny1ujufxY",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "219",
              "227"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "228",
              "241"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "241"
      ],
      "favorite_count" : "2",
      "id_str" : "1448644006217281542",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1448644006217281542",
      "created_at" : "Thu Oct 14 13:37:00 +0000 2021",
      "favorited" : false,
      "full_text" : "In Module 9, #RTI2021 fellows identified changes and gaps in their research plan, set short and long term goals, and created a timeline for their next 12 months. \n\n📚Next up for the fellows are post-core modules 10-16.  #JoinRTI #RTIFlashback",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Susan Lessick",
            "screen_name" : "susanlessick",
            "indices" : [
              "3",
              "16"
            ],
            "id_str" : "21712876",
            "id" : "21712876"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "89"
      ],
      "favorite_count" : "0",
      "id_str" : "1447999606873264128",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1447999606873264128",
      "created_at" : "Tue Oct 12 18:56:23 +0000 2021",
      "favorited" : false,
      "full_text" : "RT @susanlessick: Excellent descriptions of the most common review types (with examples)!",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "retweeted" : false,
      "source" : "<a href=\"https://about.twitter.com/products/tweetdeck\" rel=\"nofollow\">TweetDeck</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "RTI2021",
            "indices" : [
              "13",
              "21"
            ]
          },
          {
            "text" : "JoinRTI",
            "indices" : [
              "115",
              "123"
            ]
          },
          {
            "text" : "RTIFlashback",
            "indices" : [
              "124",
              "137"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/5VkC940agX",
            "expanded_url" : "http://stephanieevergreen.com/qualitative-chart-chooser/",
            "display_url" : "stephanieevergreen.com/qualitative-ch…",
            "indices" : [
              "218",
              "241"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "241"
      ],
      "favorite_count" : "1",
      "id_str" : "1447933826693406720",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1447933826693406720",
      "possibly_sensitive" : false,
      "created_at" : "Tue Oct 12 14:35:00 +0000 2021",
      "favorited" : false,
      "full_text" : "In Module 8, #RTI2021 fellows learned about conducting focus groups and reviewed principles for visualizing data. \n#JoinRTI #RTIFlashback\n\nA great resource to check out: Stephanie Evergreen’s Qualitative Chart Chooser https://t.co/5VkC940agX",
      "lang" : "en"
    }
  }
]