window.YTD.following.part0 = [
  {
    "following" : {
      "accountId" : "1250175846045925376",
      "userLink" : "https://twitter.com/intent/user?user_id=1250175846045925376"
    }
  },
  {
    "following" : {
      "accountId" : "115641166",
      "userLink" : "https://twitter.com/intent/user?user_id=115641166"
    }
  },
  {
    "following" : {
      "accountId" : "20546746",
      "userLink" : "https://twitter.com/intent/user?user_id=20546746"
    }
  },
  {
    "following" : {
      "accountId" : "4902274143",
      "userLink" : "https://twitter.com/intent/user?user_id=4902274143"
    }
  },
  {
    "following" : {
      "accountId" : "2361121466",
      "userLink" : "https://twitter.com/intent/user?user_id=2361121466"
    }
  },
  {
    "following" : {
      "accountId" : "978981578",
      "userLink" : "https://twitter.com/intent/user?user_id=978981578"
    }
  },
  {
    "following" : {
      "accountId" : "83710466",
      "userLink" : "https://twitter.com/intent/user?user_id=83710466"
    }
  },
  {
    "following" : {
      "accountId" : "460857929",
      "userLink" : "https://twitter.com/intent/user?user_id=460857929"
    }
  },
  {
    "following" : {
      "accountId" : "1189541494690078720",
      "userLink" : "https://twitter.com/intent/user?user_id=1189541494690078720"
    }
  },
  {
    "following" : {
      "accountId" : "34668910",
      "userLink" : "https://twitter.com/intent/user?user_id=34668910"
    }
  },
  {
    "following" : {
      "accountId" : "290282806",
      "userLink" : "https://twitter.com/intent/user?user_id=290282806"
    }
  },
  {
    "following" : {
      "accountId" : "7440332",
      "userLink" : "https://twitter.com/intent/user?user_id=7440332"
    }
  },
  {
    "following" : {
      "accountId" : "841702172152737792",
      "userLink" : "https://twitter.com/intent/user?user_id=841702172152737792"
    }
  },
  {
    "following" : {
      "accountId" : "3384968309",
      "userLink" : "https://twitter.com/intent/user?user_id=3384968309"
    }
  },
  {
    "following" : {
      "accountId" : "1047589385867350021",
      "userLink" : "https://twitter.com/intent/user?user_id=1047589385867350021"
    }
  },
  {
    "following" : {
      "accountId" : "4167450861",
      "userLink" : "https://twitter.com/intent/user?user_id=4167450861"
    }
  },
  {
    "following" : {
      "accountId" : "10347282",
      "userLink" : "https://twitter.com/intent/user?user_id=10347282"
    }
  },
  {
    "following" : {
      "accountId" : "20953351",
      "userLink" : "https://twitter.com/intent/user?user_id=20953351"
    }
  },
  {
    "following" : {
      "accountId" : "1831009416",
      "userLink" : "https://twitter.com/intent/user?user_id=1831009416"
    }
  },
  {
    "following" : {
      "accountId" : "745194174",
      "userLink" : "https://twitter.com/intent/user?user_id=745194174"
    }
  },
  {
    "following" : {
      "accountId" : "14423894",
      "userLink" : "https://twitter.com/intent/user?user_id=14423894"
    }
  },
  {
    "following" : {
      "accountId" : "1388280962",
      "userLink" : "https://twitter.com/intent/user?user_id=1388280962"
    }
  },
  {
    "following" : {
      "accountId" : "265517884",
      "userLink" : "https://twitter.com/intent/user?user_id=265517884"
    }
  },
  {
    "following" : {
      "accountId" : "309339637",
      "userLink" : "https://twitter.com/intent/user?user_id=309339637"
    }
  },
  {
    "following" : {
      "accountId" : "253317149",
      "userLink" : "https://twitter.com/intent/user?user_id=253317149"
    }
  },
  {
    "following" : {
      "accountId" : "12249092",
      "userLink" : "https://twitter.com/intent/user?user_id=12249092"
    }
  },
  {
    "following" : {
      "accountId" : "103733244",
      "userLink" : "https://twitter.com/intent/user?user_id=103733244"
    }
  },
  {
    "following" : {
      "accountId" : "3172835535",
      "userLink" : "https://twitter.com/intent/user?user_id=3172835535"
    }
  },
  {
    "following" : {
      "accountId" : "34984944",
      "userLink" : "https://twitter.com/intent/user?user_id=34984944"
    }
  },
  {
    "following" : {
      "accountId" : "714621514",
      "userLink" : "https://twitter.com/intent/user?user_id=714621514"
    }
  },
  {
    "following" : {
      "accountId" : "778080253755482112",
      "userLink" : "https://twitter.com/intent/user?user_id=778080253755482112"
    }
  },
  {
    "following" : {
      "accountId" : "2466707904",
      "userLink" : "https://twitter.com/intent/user?user_id=2466707904"
    }
  },
  {
    "following" : {
      "accountId" : "3219997351",
      "userLink" : "https://twitter.com/intent/user?user_id=3219997351"
    }
  },
  {
    "following" : {
      "accountId" : "302629261",
      "userLink" : "https://twitter.com/intent/user?user_id=302629261"
    }
  },
  {
    "following" : {
      "accountId" : "321376696",
      "userLink" : "https://twitter.com/intent/user?user_id=321376696"
    }
  },
  {
    "following" : {
      "accountId" : "50086477",
      "userLink" : "https://twitter.com/intent/user?user_id=50086477"
    }
  },
  {
    "following" : {
      "accountId" : "80719397",
      "userLink" : "https://twitter.com/intent/user?user_id=80719397"
    }
  },
  {
    "following" : {
      "accountId" : "462908836",
      "userLink" : "https://twitter.com/intent/user?user_id=462908836"
    }
  },
  {
    "following" : {
      "accountId" : "28017141",
      "userLink" : "https://twitter.com/intent/user?user_id=28017141"
    }
  },
  {
    "following" : {
      "accountId" : "880326680",
      "userLink" : "https://twitter.com/intent/user?user_id=880326680"
    }
  },
  {
    "following" : {
      "accountId" : "2425619845",
      "userLink" : "https://twitter.com/intent/user?user_id=2425619845"
    }
  },
  {
    "following" : {
      "accountId" : "4760091558",
      "userLink" : "https://twitter.com/intent/user?user_id=4760091558"
    }
  },
  {
    "following" : {
      "accountId" : "3110942538",
      "userLink" : "https://twitter.com/intent/user?user_id=3110942538"
    }
  },
  {
    "following" : {
      "accountId" : "1236053642840379392",
      "userLink" : "https://twitter.com/intent/user?user_id=1236053642840379392"
    }
  },
  {
    "following" : {
      "accountId" : "316831414",
      "userLink" : "https://twitter.com/intent/user?user_id=316831414"
    }
  },
  {
    "following" : {
      "accountId" : "24604116",
      "userLink" : "https://twitter.com/intent/user?user_id=24604116"
    }
  },
  {
    "following" : {
      "accountId" : "288981947",
      "userLink" : "https://twitter.com/intent/user?user_id=288981947"
    }
  },
  {
    "following" : {
      "accountId" : "14687198",
      "userLink" : "https://twitter.com/intent/user?user_id=14687198"
    }
  },
  {
    "following" : {
      "accountId" : "82377957",
      "userLink" : "https://twitter.com/intent/user?user_id=82377957"
    }
  },
  {
    "following" : {
      "accountId" : "19324624",
      "userLink" : "https://twitter.com/intent/user?user_id=19324624"
    }
  },
  {
    "following" : {
      "accountId" : "293427484",
      "userLink" : "https://twitter.com/intent/user?user_id=293427484"
    }
  },
  {
    "following" : {
      "accountId" : "14758570",
      "userLink" : "https://twitter.com/intent/user?user_id=14758570"
    }
  },
  {
    "following" : {
      "accountId" : "41206643",
      "userLink" : "https://twitter.com/intent/user?user_id=41206643"
    }
  },
  {
    "following" : {
      "accountId" : "767558798",
      "userLink" : "https://twitter.com/intent/user?user_id=767558798"
    }
  },
  {
    "following" : {
      "accountId" : "14236815",
      "userLink" : "https://twitter.com/intent/user?user_id=14236815"
    }
  },
  {
    "following" : {
      "accountId" : "21268708",
      "userLink" : "https://twitter.com/intent/user?user_id=21268708"
    }
  },
  {
    "following" : {
      "accountId" : "45623221",
      "userLink" : "https://twitter.com/intent/user?user_id=45623221"
    }
  },
  {
    "following" : {
      "accountId" : "17522859",
      "userLink" : "https://twitter.com/intent/user?user_id=17522859"
    }
  },
  {
    "following" : {
      "accountId" : "99609346",
      "userLink" : "https://twitter.com/intent/user?user_id=99609346"
    }
  },
  {
    "following" : {
      "accountId" : "8309282",
      "userLink" : "https://twitter.com/intent/user?user_id=8309282"
    }
  },
  {
    "following" : {
      "accountId" : "5613062",
      "userLink" : "https://twitter.com/intent/user?user_id=5613062"
    }
  },
  {
    "following" : {
      "accountId" : "19396145",
      "userLink" : "https://twitter.com/intent/user?user_id=19396145"
    }
  },
  {
    "following" : {
      "accountId" : "14672819",
      "userLink" : "https://twitter.com/intent/user?user_id=14672819"
    }
  },
  {
    "following" : {
      "accountId" : "16406135",
      "userLink" : "https://twitter.com/intent/user?user_id=16406135"
    }
  },
  {
    "following" : {
      "accountId" : "214165207",
      "userLink" : "https://twitter.com/intent/user?user_id=214165207"
    }
  },
  {
    "following" : {
      "accountId" : "39556136",
      "userLink" : "https://twitter.com/intent/user?user_id=39556136"
    }
  },
  {
    "following" : {
      "accountId" : "14921922",
      "userLink" : "https://twitter.com/intent/user?user_id=14921922"
    }
  },
  {
    "following" : {
      "accountId" : "43889883",
      "userLink" : "https://twitter.com/intent/user?user_id=43889883"
    }
  },
  {
    "following" : {
      "accountId" : "14286634",
      "userLink" : "https://twitter.com/intent/user?user_id=14286634"
    }
  },
  {
    "following" : {
      "accountId" : "46790946",
      "userLink" : "https://twitter.com/intent/user?user_id=46790946"
    }
  },
  {
    "following" : {
      "accountId" : "16337263",
      "userLink" : "https://twitter.com/intent/user?user_id=16337263"
    }
  },
  {
    "following" : {
      "accountId" : "3229456835",
      "userLink" : "https://twitter.com/intent/user?user_id=3229456835"
    }
  },
  {
    "following" : {
      "accountId" : "1901453990",
      "userLink" : "https://twitter.com/intent/user?user_id=1901453990"
    }
  },
  {
    "following" : {
      "accountId" : "1037799673682124806",
      "userLink" : "https://twitter.com/intent/user?user_id=1037799673682124806"
    }
  },
  {
    "following" : {
      "accountId" : "6673792",
      "userLink" : "https://twitter.com/intent/user?user_id=6673792"
    }
  },
  {
    "following" : {
      "accountId" : "860247001",
      "userLink" : "https://twitter.com/intent/user?user_id=860247001"
    }
  },
  {
    "following" : {
      "accountId" : "831683720",
      "userLink" : "https://twitter.com/intent/user?user_id=831683720"
    }
  },
  {
    "following" : {
      "accountId" : "83986368",
      "userLink" : "https://twitter.com/intent/user?user_id=83986368"
    }
  },
  {
    "following" : {
      "accountId" : "180035296",
      "userLink" : "https://twitter.com/intent/user?user_id=180035296"
    }
  },
  {
    "following" : {
      "accountId" : "306353565",
      "userLink" : "https://twitter.com/intent/user?user_id=306353565"
    }
  },
  {
    "following" : {
      "accountId" : "2233091965",
      "userLink" : "https://twitter.com/intent/user?user_id=2233091965"
    }
  },
  {
    "following" : {
      "accountId" : "14984811",
      "userLink" : "https://twitter.com/intent/user?user_id=14984811"
    }
  },
  {
    "following" : {
      "accountId" : "39494350",
      "userLink" : "https://twitter.com/intent/user?user_id=39494350"
    }
  },
  {
    "following" : {
      "accountId" : "48724061",
      "userLink" : "https://twitter.com/intent/user?user_id=48724061"
    }
  },
  {
    "following" : {
      "accountId" : "21129625",
      "userLink" : "https://twitter.com/intent/user?user_id=21129625"
    }
  },
  {
    "following" : {
      "accountId" : "184797157",
      "userLink" : "https://twitter.com/intent/user?user_id=184797157"
    }
  },
  {
    "following" : {
      "accountId" : "78115180",
      "userLink" : "https://twitter.com/intent/user?user_id=78115180"
    }
  },
  {
    "following" : {
      "accountId" : "237448897",
      "userLink" : "https://twitter.com/intent/user?user_id=237448897"
    }
  },
  {
    "following" : {
      "accountId" : "30919650",
      "userLink" : "https://twitter.com/intent/user?user_id=30919650"
    }
  },
  {
    "following" : {
      "accountId" : "23452522",
      "userLink" : "https://twitter.com/intent/user?user_id=23452522"
    }
  },
  {
    "following" : {
      "accountId" : "1234866564656226309",
      "userLink" : "https://twitter.com/intent/user?user_id=1234866564656226309"
    }
  },
  {
    "following" : {
      "accountId" : "24972299",
      "userLink" : "https://twitter.com/intent/user?user_id=24972299"
    }
  },
  {
    "following" : {
      "accountId" : "247379031",
      "userLink" : "https://twitter.com/intent/user?user_id=247379031"
    }
  },
  {
    "following" : {
      "accountId" : "15519768",
      "userLink" : "https://twitter.com/intent/user?user_id=15519768"
    }
  },
  {
    "following" : {
      "accountId" : "1725816080",
      "userLink" : "https://twitter.com/intent/user?user_id=1725816080"
    }
  },
  {
    "following" : {
      "accountId" : "14870036",
      "userLink" : "https://twitter.com/intent/user?user_id=14870036"
    }
  },
  {
    "following" : {
      "accountId" : "3630298766",
      "userLink" : "https://twitter.com/intent/user?user_id=3630298766"
    }
  },
  {
    "following" : {
      "accountId" : "713378088",
      "userLink" : "https://twitter.com/intent/user?user_id=713378088"
    }
  },
  {
    "following" : {
      "accountId" : "208113424",
      "userLink" : "https://twitter.com/intent/user?user_id=208113424"
    }
  },
  {
    "following" : {
      "accountId" : "2474131477",
      "userLink" : "https://twitter.com/intent/user?user_id=2474131477"
    }
  },
  {
    "following" : {
      "accountId" : "2517761154",
      "userLink" : "https://twitter.com/intent/user?user_id=2517761154"
    }
  },
  {
    "following" : {
      "accountId" : "14062690",
      "userLink" : "https://twitter.com/intent/user?user_id=14062690"
    }
  },
  {
    "following" : {
      "accountId" : "25645141",
      "userLink" : "https://twitter.com/intent/user?user_id=25645141"
    }
  },
  {
    "following" : {
      "accountId" : "14751108",
      "userLink" : "https://twitter.com/intent/user?user_id=14751108"
    }
  },
  {
    "following" : {
      "accountId" : "1283732073866551297",
      "userLink" : "https://twitter.com/intent/user?user_id=1283732073866551297"
    }
  },
  {
    "following" : {
      "accountId" : "1468530080",
      "userLink" : "https://twitter.com/intent/user?user_id=1468530080"
    }
  },
  {
    "following" : {
      "accountId" : "125408136",
      "userLink" : "https://twitter.com/intent/user?user_id=125408136"
    }
  },
  {
    "following" : {
      "accountId" : "47652533",
      "userLink" : "https://twitter.com/intent/user?user_id=47652533"
    }
  },
  {
    "following" : {
      "accountId" : "1403981258",
      "userLink" : "https://twitter.com/intent/user?user_id=1403981258"
    }
  },
  {
    "following" : {
      "accountId" : "38438138",
      "userLink" : "https://twitter.com/intent/user?user_id=38438138"
    }
  },
  {
    "following" : {
      "accountId" : "2280768120",
      "userLink" : "https://twitter.com/intent/user?user_id=2280768120"
    }
  },
  {
    "following" : {
      "accountId" : "13447862",
      "userLink" : "https://twitter.com/intent/user?user_id=13447862"
    }
  },
  {
    "following" : {
      "accountId" : "2977379716",
      "userLink" : "https://twitter.com/intent/user?user_id=2977379716"
    }
  },
  {
    "following" : {
      "accountId" : "1134522807583272960",
      "userLink" : "https://twitter.com/intent/user?user_id=1134522807583272960"
    }
  },
  {
    "following" : {
      "accountId" : "90893064",
      "userLink" : "https://twitter.com/intent/user?user_id=90893064"
    }
  },
  {
    "following" : {
      "accountId" : "885820309",
      "userLink" : "https://twitter.com/intent/user?user_id=885820309"
    }
  },
  {
    "following" : {
      "accountId" : "27129696",
      "userLink" : "https://twitter.com/intent/user?user_id=27129696"
    }
  },
  {
    "following" : {
      "accountId" : "997872978514907137",
      "userLink" : "https://twitter.com/intent/user?user_id=997872978514907137"
    }
  },
  {
    "following" : {
      "accountId" : "998684907147706368",
      "userLink" : "https://twitter.com/intent/user?user_id=998684907147706368"
    }
  },
  {
    "following" : {
      "accountId" : "12400612",
      "userLink" : "https://twitter.com/intent/user?user_id=12400612"
    }
  },
  {
    "following" : {
      "accountId" : "14286724",
      "userLink" : "https://twitter.com/intent/user?user_id=14286724"
    }
  },
  {
    "following" : {
      "accountId" : "21712876",
      "userLink" : "https://twitter.com/intent/user?user_id=21712876"
    }
  },
  {
    "following" : {
      "accountId" : "20059582",
      "userLink" : "https://twitter.com/intent/user?user_id=20059582"
    }
  },
  {
    "following" : {
      "accountId" : "839860331656642560",
      "userLink" : "https://twitter.com/intent/user?user_id=839860331656642560"
    }
  }
]