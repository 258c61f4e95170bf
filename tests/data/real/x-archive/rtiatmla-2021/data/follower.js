window.YTD.follower.part0 = [
  {
    "follower" : {
      "accountId" : "44187619",
      "userLink" : "https://twitter.com/intent/user?user_id=44187619"
    }
  },
  {
    "follower" : {
      "accountId" : "183638429",
      "userLink" : "https://twitter.com/intent/user?user_id=183638429"
    }
  },
  {
    "follower" : {
      "accountId" : "38039672",
      "userLink" : "https://twitter.com/intent/user?user_id=38039672"
    }
  },
  {
    "follower" : {
      "accountId" : "192846755",
      "userLink" : "https://twitter.com/intent/user?user_id=192846755"
    }
  },
  {
    "follower" : {
      "accountId" : "1207947075394113536",
      "userLink" : "https://twitter.com/intent/user?user_id=1207947075394113536"
    }
  },
  {
    "follower" : {
      "accountId" : "34984944",
      "userLink" : "https://twitter.com/intent/user?user_id=34984944"
    }
  },
  {
    "follower" : {
      "accountId" : "1442916878968672258",
      "userLink" : "https://twitter.com/intent/user?user_id=1442916878968672258"
    }
  },
  {
    "follower" : {
      "accountId" : "908476251328745472",
      "userLink" : "https://twitter.com/intent/user?user_id=908476251328745472"
    }
  },
  {
    "follower" : {
      "accountId" : "99913091",
      "userLink" : "https://twitter.com/intent/user?user_id=99913091"
    }
  },
  {
    "follower" : {
      "accountId" : "3274428888",
      "userLink" : "https://twitter.com/intent/user?user_id=3274428888"
    }
  },
  {
    "follower" : {
      "accountId" : "870580134",
      "userLink" : "https://twitter.com/intent/user?user_id=870580134"
    }
  },
  {
    "follower" : {
      "accountId" : "290282806",
      "userLink" : "https://twitter.com/intent/user?user_id=290282806"
    }
  },
  {
    "follower" : {
      "accountId" : "3170480470",
      "userLink" : "https://twitter.com/intent/user?user_id=3170480470"
    }
  },
  {
    "follower" : {
      "accountId" : "1326899600926633986",
      "userLink" : "https://twitter.com/intent/user?user_id=1326899600926633986"
    }
  },
  {
    "follower" : {
      "accountId" : "1873868090",
      "userLink" : "https://twitter.com/intent/user?user_id=1873868090"
    }
  },
  {
    "follower" : {
      "accountId" : "912402085282422784",
      "userLink" : "https://twitter.com/intent/user?user_id=912402085282422784"
    }
  },
  {
    "follower" : {
      "accountId" : "67984705",
      "userLink" : "https://twitter.com/intent/user?user_id=67984705"
    }
  },
  {
    "follower" : {
      "accountId" : "1157570473",
      "userLink" : "https://twitter.com/intent/user?user_id=1157570473"
    }
  },
  {
    "follower" : {
      "accountId" : "2810095781",
      "userLink" : "https://twitter.com/intent/user?user_id=2810095781"
    }
  },
  {
    "follower" : {
      "accountId" : "4902274143",
      "userLink" : "https://twitter.com/intent/user?user_id=4902274143"
    }
  },
  {
    "follower" : {
      "accountId" : "11250512",
      "userLink" : "https://twitter.com/intent/user?user_id=11250512"
    }
  },
  {
    "follower" : {
      "accountId" : "1154051107787825153",
      "userLink" : "https://twitter.com/intent/user?user_id=1154051107787825153"
    }
  },
  {
    "follower" : {
      "accountId" : "14715843",
      "userLink" : "https://twitter.com/intent/user?user_id=14715843"
    }
  },
  {
    "follower" : {
      "accountId" : "566746751",
      "userLink" : "https://twitter.com/intent/user?user_id=566746751"
    }
  },
  {
    "follower" : {
      "accountId" : "795350056845144064",
      "userLink" : "https://twitter.com/intent/user?user_id=795350056845144064"
    }
  },
  {
    "follower" : {
      "accountId" : "321394680",
      "userLink" : "https://twitter.com/intent/user?user_id=321394680"
    }
  },
  {
    "follower" : {
      "accountId" : "18767930",
      "userLink" : "https://twitter.com/intent/user?user_id=18767930"
    }
  },
  {
    "follower" : {
      "accountId" : "462908836",
      "userLink" : "https://twitter.com/intent/user?user_id=462908836"
    }
  },
  {
    "follower" : {
      "accountId" : "1374115981446975489",
      "userLink" : "https://twitter.com/intent/user?user_id=1374115981446975489"
    }
  },
  {
    "follower" : {
      "accountId" : "984406551715868672",
      "userLink" : "https://twitter.com/intent/user?user_id=984406551715868672"
    }
  },
  {
    "follower" : {
      "accountId" : "14199186",
      "userLink" : "https://twitter.com/intent/user?user_id=14199186"
    }
  },
  {
    "follower" : {
      "accountId" : "1139615356828262400",
      "userLink" : "https://twitter.com/intent/user?user_id=1139615356828262400"
    }
  },
  {
    "follower" : {
      "accountId" : "2374681362",
      "userLink" : "https://twitter.com/intent/user?user_id=2374681362"
    }
  },
  {
    "follower" : {
      "accountId" : "208113424",
      "userLink" : "https://twitter.com/intent/user?user_id=208113424"
    }
  },
  {
    "follower" : {
      "accountId" : "920614229933199360",
      "userLink" : "https://twitter.com/intent/user?user_id=920614229933199360"
    }
  },
  {
    "follower" : {
      "accountId" : "20546746",
      "userLink" : "https://twitter.com/intent/user?user_id=20546746"
    }
  },
  {
    "follower" : {
      "accountId" : "2361121466",
      "userLink" : "https://twitter.com/intent/user?user_id=2361121466"
    }
  },
  {
    "follower" : {
      "accountId" : "20953351",
      "userLink" : "https://twitter.com/intent/user?user_id=20953351"
    }
  },
  {
    "follower" : {
      "accountId" : "820847483559383041",
      "userLink" : "https://twitter.com/intent/user?user_id=820847483559383041"
    }
  },
  {
    "follower" : {
      "accountId" : "905126668142039040",
      "userLink" : "https://twitter.com/intent/user?user_id=905126668142039040"
    }
  },
  {
    "follower" : {
      "accountId" : "127908893",
      "userLink" : "https://twitter.com/intent/user?user_id=127908893"
    }
  },
  {
    "follower" : {
      "accountId" : "30619378",
      "userLink" : "https://twitter.com/intent/user?user_id=30619378"
    }
  },
  {
    "follower" : {
      "accountId" : "3384968309",
      "userLink" : "https://twitter.com/intent/user?user_id=3384968309"
    }
  },
  {
    "follower" : {
      "accountId" : "2517761154",
      "userLink" : "https://twitter.com/intent/user?user_id=2517761154"
    }
  },
  {
    "follower" : {
      "accountId" : "591916462",
      "userLink" : "https://twitter.com/intent/user?user_id=591916462"
    }
  },
  {
    "follower" : {
      "accountId" : "2931046870",
      "userLink" : "https://twitter.com/intent/user?user_id=2931046870"
    }
  },
  {
    "follower" : {
      "accountId" : "118404262",
      "userLink" : "https://twitter.com/intent/user?user_id=118404262"
    }
  },
  {
    "follower" : {
      "accountId" : "1167409463621373955",
      "userLink" : "https://twitter.com/intent/user?user_id=1167409463621373955"
    }
  },
  {
    "follower" : {
      "accountId" : "4124985980",
      "userLink" : "https://twitter.com/intent/user?user_id=4124985980"
    }
  },
  {
    "follower" : {
      "accountId" : "14413686",
      "userLink" : "https://twitter.com/intent/user?user_id=14413686"
    }
  },
  {
    "follower" : {
      "accountId" : "83762672",
      "userLink" : "https://twitter.com/intent/user?user_id=83762672"
    }
  },
  {
    "follower" : {
      "accountId" : "1250175846045925376",
      "userLink" : "https://twitter.com/intent/user?user_id=1250175846045925376"
    }
  },
  {
    "follower" : {
      "accountId" : "1714449924",
      "userLink" : "https://twitter.com/intent/user?user_id=1714449924"
    }
  },
  {
    "follower" : {
      "accountId" : "281340926",
      "userLink" : "https://twitter.com/intent/user?user_id=281340926"
    }
  },
  {
    "follower" : {
      "accountId" : "115641166",
      "userLink" : "https://twitter.com/intent/user?user_id=115641166"
    }
  },
  {
    "follower" : {
      "accountId" : "2280768120",
      "userLink" : "https://twitter.com/intent/user?user_id=2280768120"
    }
  },
  {
    "follower" : {
      "accountId" : "16932091",
      "userLink" : "https://twitter.com/intent/user?user_id=16932091"
    }
  },
  {
    "follower" : {
      "accountId" : "80339917",
      "userLink" : "https://twitter.com/intent/user?user_id=80339917"
    }
  },
  {
    "follower" : {
      "accountId" : "164731825",
      "userLink" : "https://twitter.com/intent/user?user_id=164731825"
    }
  },
  {
    "follower" : {
      "accountId" : "1005985585335545856",
      "userLink" : "https://twitter.com/intent/user?user_id=1005985585335545856"
    }
  },
  {
    "follower" : {
      "accountId" : "1831009416",
      "userLink" : "https://twitter.com/intent/user?user_id=1831009416"
    }
  },
  {
    "follower" : {
      "accountId" : "1283084512490975233",
      "userLink" : "https://twitter.com/intent/user?user_id=1283084512490975233"
    }
  },
  {
    "follower" : {
      "accountId" : "1339606947532816386",
      "userLink" : "https://twitter.com/intent/user?user_id=1339606947532816386"
    }
  },
  {
    "follower" : {
      "accountId" : "1340612144178614272",
      "userLink" : "https://twitter.com/intent/user?user_id=1340612144178614272"
    }
  },
  {
    "follower" : {
      "accountId" : "14286634",
      "userLink" : "https://twitter.com/intent/user?user_id=14286634"
    }
  },
  {
    "follower" : {
      "accountId" : "71443202",
      "userLink" : "https://twitter.com/intent/user?user_id=71443202"
    }
  },
  {
    "follower" : {
      "accountId" : "2561178522",
      "userLink" : "https://twitter.com/intent/user?user_id=2561178522"
    }
  },
  {
    "follower" : {
      "accountId" : "1468530080",
      "userLink" : "https://twitter.com/intent/user?user_id=1468530080"
    }
  },
  {
    "follower" : {
      "accountId" : "237448897",
      "userLink" : "https://twitter.com/intent/user?user_id=237448897"
    }
  },
  {
    "follower" : {
      "accountId" : "17522859",
      "userLink" : "https://twitter.com/intent/user?user_id=17522859"
    }
  },
  {
    "follower" : {
      "accountId" : "1403981258",
      "userLink" : "https://twitter.com/intent/user?user_id=1403981258"
    }
  },
  {
    "follower" : {
      "accountId" : "1365343873",
      "userLink" : "https://twitter.com/intent/user?user_id=1365343873"
    }
  },
  {
    "follower" : {
      "accountId" : "880326680",
      "userLink" : "https://twitter.com/intent/user?user_id=880326680"
    }
  },
  {
    "follower" : {
      "accountId" : "4773878429",
      "userLink" : "https://twitter.com/intent/user?user_id=4773878429"
    }
  },
  {
    "follower" : {
      "accountId" : "18742779",
      "userLink" : "https://twitter.com/intent/user?user_id=18742779"
    }
  },
  {
    "follower" : {
      "accountId" : "14758570",
      "userLink" : "https://twitter.com/intent/user?user_id=14758570"
    }
  },
  {
    "follower" : {
      "accountId" : "34668910",
      "userLink" : "https://twitter.com/intent/user?user_id=34668910"
    }
  },
  {
    "follower" : {
      "accountId" : "78115180",
      "userLink" : "https://twitter.com/intent/user?user_id=78115180"
    }
  },
  {
    "follower" : {
      "accountId" : "4167450861",
      "userLink" : "https://twitter.com/intent/user?user_id=4167450861"
    }
  },
  {
    "follower" : {
      "accountId" : "1234866564656226309",
      "userLink" : "https://twitter.com/intent/user?user_id=1234866564656226309"
    }
  },
  {
    "follower" : {
      "accountId" : "99609346",
      "userLink" : "https://twitter.com/intent/user?user_id=99609346"
    }
  },
  {
    "follower" : {
      "accountId" : "12249092",
      "userLink" : "https://twitter.com/intent/user?user_id=12249092"
    }
  },
  {
    "follower" : {
      "accountId" : "1236053642840379392",
      "userLink" : "https://twitter.com/intent/user?user_id=1236053642840379392"
    }
  },
  {
    "follower" : {
      "accountId" : "253317149",
      "userLink" : "https://twitter.com/intent/user?user_id=253317149"
    }
  },
  {
    "follower" : {
      "accountId" : "714621514",
      "userLink" : "https://twitter.com/intent/user?user_id=714621514"
    }
  },
  {
    "follower" : {
      "accountId" : "39556136",
      "userLink" : "https://twitter.com/intent/user?user_id=39556136"
    }
  },
  {
    "follower" : {
      "accountId" : "14236815",
      "userLink" : "https://twitter.com/intent/user?user_id=14236815"
    }
  },
  {
    "follower" : {
      "accountId" : "43889883",
      "userLink" : "https://twitter.com/intent/user?user_id=43889883"
    }
  },
  {
    "follower" : {
      "accountId" : "46790946",
      "userLink" : "https://twitter.com/intent/user?user_id=46790946"
    }
  },
  {
    "follower" : {
      "accountId" : "841702172152737792",
      "userLink" : "https://twitter.com/intent/user?user_id=841702172152737792"
    }
  },
  {
    "follower" : {
      "accountId" : "45623221",
      "userLink" : "https://twitter.com/intent/user?user_id=45623221"
    }
  },
  {
    "follower" : {
      "accountId" : "778080253755482112",
      "userLink" : "https://twitter.com/intent/user?user_id=778080253755482112"
    }
  },
  {
    "follower" : {
      "accountId" : "1901453990",
      "userLink" : "https://twitter.com/intent/user?user_id=1901453990"
    }
  },
  {
    "follower" : {
      "accountId" : "767558798",
      "userLink" : "https://twitter.com/intent/user?user_id=767558798"
    }
  },
  {
    "follower" : {
      "accountId" : "14687198",
      "userLink" : "https://twitter.com/intent/user?user_id=14687198"
    }
  },
  {
    "follower" : {
      "accountId" : "1037799673682124806",
      "userLink" : "https://twitter.com/intent/user?user_id=1037799673682124806"
    }
  },
  {
    "follower" : {
      "accountId" : "14062690",
      "userLink" : "https://twitter.com/intent/user?user_id=14062690"
    }
  },
  {
    "follower" : {
      "accountId" : "860247001",
      "userLink" : "https://twitter.com/intent/user?user_id=860247001"
    }
  },
  {
    "follower" : {
      "accountId" : "38438138",
      "userLink" : "https://twitter.com/intent/user?user_id=38438138"
    }
  },
  {
    "follower" : {
      "accountId" : "21712876",
      "userLink" : "https://twitter.com/intent/user?user_id=21712876"
    }
  },
  {
    "follower" : {
      "accountId" : "83710466",
      "userLink" : "https://twitter.com/intent/user?user_id=83710466"
    }
  },
  {
    "follower" : {
      "accountId" : "460857929",
      "userLink" : "https://twitter.com/intent/user?user_id=460857929"
    }
  },
  {
    "follower" : {
      "accountId" : "14286724",
      "userLink" : "https://twitter.com/intent/user?user_id=14286724"
    }
  },
  {
    "follower" : {
      "accountId" : "998684907147706368",
      "userLink" : "https://twitter.com/intent/user?user_id=998684907147706368"
    }
  },
  {
    "follower" : {
      "accountId" : "997872978514907137",
      "userLink" : "https://twitter.com/intent/user?user_id=997872978514907137"
    }
  },
  {
    "follower" : {
      "accountId" : "27129696",
      "userLink" : "https://twitter.com/intent/user?user_id=27129696"
    }
  },
  {
    "follower" : {
      "accountId" : "885820309",
      "userLink" : "https://twitter.com/intent/user?user_id=885820309"
    }
  },
  {
    "follower" : {
      "accountId" : "90893064",
      "userLink" : "https://twitter.com/intent/user?user_id=90893064"
    }
  },
  {
    "follower" : {
      "accountId" : "839860331656642560",
      "userLink" : "https://twitter.com/intent/user?user_id=839860331656642560"
    }
  },
  {
    "follower" : {
      "accountId" : "1134522807583272960",
      "userLink" : "https://twitter.com/intent/user?user_id=1134522807583272960"
    }
  },
  {
    "follower" : {
      "accountId" : "2977379716",
      "userLink" : "https://twitter.com/intent/user?user_id=2977379716"
    }
  }
]