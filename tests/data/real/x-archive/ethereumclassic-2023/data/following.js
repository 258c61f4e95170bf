window.YTD.following.part0 = [
  {
    "following" : {
      "accountId" : "1390726374860673024",
      "userLink" : "https://twitter.com/intent/user?user_id=1390726374860673024"
    }
  },
  {
    "following" : {
      "accountId" : "1494116032364957698",
      "userLink" : "https://twitter.com/intent/user?user_id=1494116032364957698"
    }
  },
  {
    "following" : {
      "accountId" : "118804749",
      "userLink" : "https://twitter.com/intent/user?user_id=118804749"
    }
  },
  {
    "following" : {
      "accountId" : "22659609",
      "userLink" : "https://twitter.com/intent/user?user_id=22659609"
    }
  },
  {
    "following" : {
      "accountId" : "383927117",
      "userLink" : "https://twitter.com/intent/user?user_id=383927117"
    }
  },
  {
    "following" : {
      "accountId" : "194056749",
      "userLink" : "https://twitter.com/intent/user?user_id=194056749"
    }
  },
  {
    "following" : {
      "accountId" : "877807935493033984",
      "userLink" : "https://twitter.com/intent/user?user_id=877807935493033984"
    }
  },
  {
    "following" : {
      "accountId" : "921550402268606465",
      "userLink" : "https://twitter.com/intent/user?user_id=921550402268606465"
    }
  },
  {
    "following" : {
      "accountId" : "810263154458578944",
      "userLink" : "https://twitter.com/intent/user?user_id=810263154458578944"
    }
  },
  {
    "following" : {
      "accountId" : "769457743807844352",
      "userLink" : "https://twitter.com/intent/user?user_id=769457743807844352"
    }
  },
  {
    "following" : {
      "accountId" : "998063321763926017",
      "userLink" : "https://twitter.com/intent/user?user_id=998063321763926017"
    }
  },
  {
    "following" : {
      "accountId" : "585121323",
      "userLink" : "https://twitter.com/intent/user?user_id=585121323"
    }
  },
  {
    "following" : {
      "accountId" : "1384594970292674565",
      "userLink" : "https://twitter.com/intent/user?user_id=1384594970292674565"
    }
  },
  {
    "following" : {
      "accountId" : "1396342619303784448",
      "userLink" : "https://twitter.com/intent/user?user_id=1396342619303784448"
    }
  },
  {
    "following" : {
      "accountId" : "1397562042911973389",
      "userLink" : "https://twitter.com/intent/user?user_id=1397562042911973389"
    }
  },
  {
    "following" : {
      "accountId" : "1155927399944601600",
      "userLink" : "https://twitter.com/intent/user?user_id=1155927399944601600"
    }
  },
  {
    "following" : {
      "accountId" : "905676403282149377",
      "userLink" : "https://twitter.com/intent/user?user_id=905676403282149377"
    }
  },
  {
    "following" : {
      "accountId" : "1448021285250822145",
      "userLink" : "https://twitter.com/intent/user?user_id=1448021285250822145"
    }
  },
  {
    "following" : {
      "accountId" : "1431782302653337602",
      "userLink" : "https://twitter.com/intent/user?user_id=1431782302653337602"
    }
  },
  {
    "following" : {
      "accountId" : "1430640137046745107",
      "userLink" : "https://twitter.com/intent/user?user_id=1430640137046745107"
    }
  },
  {
    "following" : {
      "accountId" : "1009571405707563009",
      "userLink" : "https://twitter.com/intent/user?user_id=1009571405707563009"
    }
  },
  {
    "following" : {
      "accountId" : "1038069494453653505",
      "userLink" : "https://twitter.com/intent/user?user_id=1038069494453653505"
    }
  },
  {
    "following" : {
      "accountId" : "1443817325241647105",
      "userLink" : "https://twitter.com/intent/user?user_id=1443817325241647105"
    }
  },
  {
    "following" : {
      "accountId" : "2232858391",
      "userLink" : "https://twitter.com/intent/user?user_id=2232858391"
    }
  },
  {
    "following" : {
      "accountId" : "1456289545507508231",
      "userLink" : "https://twitter.com/intent/user?user_id=1456289545507508231"
    }
  },
  {
    "following" : {
      "accountId" : "1446744510277558275",
      "userLink" : "https://twitter.com/intent/user?user_id=1446744510277558275"
    }
  },
  {
    "following" : {
      "accountId" : "1425854378573852674",
      "userLink" : "https://twitter.com/intent/user?user_id=1425854378573852674"
    }
  },
  {
    "following" : {
      "accountId" : "1463869897239322629",
      "userLink" : "https://twitter.com/intent/user?user_id=1463869897239322629"
    }
  },
  {
    "following" : {
      "accountId" : "826141709717364737",
      "userLink" : "https://twitter.com/intent/user?user_id=826141709717364737"
    }
  },
  {
    "following" : {
      "accountId" : "1480205775209385985",
      "userLink" : "https://twitter.com/intent/user?user_id=1480205775209385985"
    }
  },
  {
    "following" : {
      "accountId" : "847617546",
      "userLink" : "https://twitter.com/intent/user?user_id=847617546"
    }
  },
  {
    "following" : {
      "accountId" : "1486935568047034370",
      "userLink" : "https://twitter.com/intent/user?user_id=1486935568047034370"
    }
  },
  {
    "following" : {
      "accountId" : "1467863908169961485",
      "userLink" : "https://twitter.com/intent/user?user_id=1467863908169961485"
    }
  },
  {
    "following" : {
      "accountId" : "1451231006338523139",
      "userLink" : "https://twitter.com/intent/user?user_id=1451231006338523139"
    }
  },
  {
    "following" : {
      "accountId" : "1490244717870817283",
      "userLink" : "https://twitter.com/intent/user?user_id=1490244717870817283"
    }
  },
  {
    "following" : {
      "accountId" : "1476648000747413515",
      "userLink" : "https://twitter.com/intent/user?user_id=1476648000747413515"
    }
  },
  {
    "following" : {
      "accountId" : "2433495000",
      "userLink" : "https://twitter.com/intent/user?user_id=2433495000"
    }
  },
  {
    "following" : {
      "accountId" : "1515743338716184579",
      "userLink" : "https://twitter.com/intent/user?user_id=1515743338716184579"
    }
  },
  {
    "following" : {
      "accountId" : "1222375310483771392",
      "userLink" : "https://twitter.com/intent/user?user_id=1222375310483771392"
    }
  },
  {
    "following" : {
      "accountId" : "1528553367349276672",
      "userLink" : "https://twitter.com/intent/user?user_id=1528553367349276672"
    }
  },
  {
    "following" : {
      "accountId" : "1542474100630855682",
      "userLink" : "https://twitter.com/intent/user?user_id=1542474100630855682"
    }
  },
  {
    "following" : {
      "accountId" : "1445454011113435142",
      "userLink" : "https://twitter.com/intent/user?user_id=1445454011113435142"
    }
  },
  {
    "following" : {
      "accountId" : "1493360455183654913",
      "userLink" : "https://twitter.com/intent/user?user_id=1493360455183654913"
    }
  },
  {
    "following" : {
      "accountId" : "2385004842",
      "userLink" : "https://twitter.com/intent/user?user_id=2385004842"
    }
  },
  {
    "following" : {
      "accountId" : "1472450846692888581",
      "userLink" : "https://twitter.com/intent/user?user_id=1472450846692888581"
    }
  },
  {
    "following" : {
      "accountId" : "1037680460330094593",
      "userLink" : "https://twitter.com/intent/user?user_id=1037680460330094593"
    }
  },
  {
    "following" : {
      "accountId" : "68192272",
      "userLink" : "https://twitter.com/intent/user?user_id=68192272"
    }
  },
  {
    "following" : {
      "accountId" : "1223269146785406976",
      "userLink" : "https://twitter.com/intent/user?user_id=1223269146785406976"
    }
  },
  {
    "following" : {
      "accountId" : "1026773840494350336",
      "userLink" : "https://twitter.com/intent/user?user_id=1026773840494350336"
    }
  },
  {
    "following" : {
      "accountId" : "262420681",
      "userLink" : "https://twitter.com/intent/user?user_id=262420681"
    }
  },
  {
    "following" : {
      "accountId" : "868997091871215616",
      "userLink" : "https://twitter.com/intent/user?user_id=868997091871215616"
    }
  },
  {
    "following" : {
      "accountId" : "380069391",
      "userLink" : "https://twitter.com/intent/user?user_id=380069391"
    }
  },
  {
    "following" : {
      "accountId" : "971692688247422976",
      "userLink" : "https://twitter.com/intent/user?user_id=971692688247422976"
    }
  },
  {
    "following" : {
      "accountId" : "1052117006730887168",
      "userLink" : "https://twitter.com/intent/user?user_id=1052117006730887168"
    }
  },
  {
    "following" : {
      "accountId" : "1244644169718652930",
      "userLink" : "https://twitter.com/intent/user?user_id=1244644169718652930"
    }
  },
  {
    "following" : {
      "accountId" : "1416373437841412102",
      "userLink" : "https://twitter.com/intent/user?user_id=1416373437841412102"
    }
  },
  {
    "following" : {
      "accountId" : "1442261155607572491",
      "userLink" : "https://twitter.com/intent/user?user_id=1442261155607572491"
    }
  },
  {
    "following" : {
      "accountId" : "1454726029256364033",
      "userLink" : "https://twitter.com/intent/user?user_id=1454726029256364033"
    }
  },
  {
    "following" : {
      "accountId" : "1445459332586377218",
      "userLink" : "https://twitter.com/intent/user?user_id=1445459332586377218"
    }
  },
  {
    "following" : {
      "accountId" : "1441768258969890828",
      "userLink" : "https://twitter.com/intent/user?user_id=1441768258969890828"
    }
  },
  {
    "following" : {
      "accountId" : "4135644558",
      "userLink" : "https://twitter.com/intent/user?user_id=4135644558"
    }
  },
  {
    "following" : {
      "accountId" : "1416033804821569544",
      "userLink" : "https://twitter.com/intent/user?user_id=1416033804821569544"
    }
  },
  {
    "following" : {
      "accountId" : "1506309230911012868",
      "userLink" : "https://twitter.com/intent/user?user_id=1506309230911012868"
    }
  },
  {
    "following" : {
      "accountId" : "1499382715854245891",
      "userLink" : "https://twitter.com/intent/user?user_id=1499382715854245891"
    }
  },
  {
    "following" : {
      "accountId" : "1065122272883568642",
      "userLink" : "https://twitter.com/intent/user?user_id=1065122272883568642"
    }
  },
  {
    "following" : {
      "accountId" : "956929025645035522",
      "userLink" : "https://twitter.com/intent/user?user_id=956929025645035522"
    }
  },
  {
    "following" : {
      "accountId" : "1362089888204664835",
      "userLink" : "https://twitter.com/intent/user?user_id=1362089888204664835"
    }
  },
  {
    "following" : {
      "accountId" : "1196417541297647616",
      "userLink" : "https://twitter.com/intent/user?user_id=1196417541297647616"
    }
  },
  {
    "following" : {
      "accountId" : "1477407199693582339",
      "userLink" : "https://twitter.com/intent/user?user_id=1477407199693582339"
    }
  },
  {
    "following" : {
      "accountId" : "1517180086071414785",
      "userLink" : "https://twitter.com/intent/user?user_id=1517180086071414785"
    }
  },
  {
    "following" : {
      "accountId" : "1539034429796098048",
      "userLink" : "https://twitter.com/intent/user?user_id=1539034429796098048"
    }
  },
  {
    "following" : {
      "accountId" : "1516467868967129089",
      "userLink" : "https://twitter.com/intent/user?user_id=1516467868967129089"
    }
  },
  {
    "following" : {
      "accountId" : "2331128232",
      "userLink" : "https://twitter.com/intent/user?user_id=2331128232"
    }
  },
  {
    "following" : {
      "accountId" : "1565507906673717248",
      "userLink" : "https://twitter.com/intent/user?user_id=1565507906673717248"
    }
  },
  {
    "following" : {
      "accountId" : "1552465439279972352",
      "userLink" : "https://twitter.com/intent/user?user_id=1552465439279972352"
    }
  },
  {
    "following" : {
      "accountId" : "2476252142",
      "userLink" : "https://twitter.com/intent/user?user_id=2476252142"
    }
  },
  {
    "following" : {
      "accountId" : "1190626518642429952",
      "userLink" : "https://twitter.com/intent/user?user_id=1190626518642429952"
    }
  },
  {
    "following" : {
      "accountId" : "1548395049805053952",
      "userLink" : "https://twitter.com/intent/user?user_id=1548395049805053952"
    }
  },
  {
    "following" : {
      "accountId" : "1202562673151488001",
      "userLink" : "https://twitter.com/intent/user?user_id=1202562673151488001"
    }
  },
  {
    "following" : {
      "accountId" : "1486085730527027202",
      "userLink" : "https://twitter.com/intent/user?user_id=1486085730527027202"
    }
  },
  {
    "following" : {
      "accountId" : "1472389743136681989",
      "userLink" : "https://twitter.com/intent/user?user_id=1472389743136681989"
    }
  },
  {
    "following" : {
      "accountId" : "1496040811275997184",
      "userLink" : "https://twitter.com/intent/user?user_id=1496040811275997184"
    }
  },
  {
    "following" : {
      "accountId" : "1485801045095817223",
      "userLink" : "https://twitter.com/intent/user?user_id=1485801045095817223"
    }
  },
  {
    "following" : {
      "accountId" : "1390323666601250818",
      "userLink" : "https://twitter.com/intent/user?user_id=1390323666601250818"
    }
  },
  {
    "following" : {
      "accountId" : "1458797692759461890",
      "userLink" : "https://twitter.com/intent/user?user_id=1458797692759461890"
    }
  },
  {
    "following" : {
      "accountId" : "1446215067222089741",
      "userLink" : "https://twitter.com/intent/user?user_id=1446215067222089741"
    }
  },
  {
    "following" : {
      "accountId" : "2384251376",
      "userLink" : "https://twitter.com/intent/user?user_id=2384251376"
    }
  },
  {
    "following" : {
      "accountId" : "1358008585813430273",
      "userLink" : "https://twitter.com/intent/user?user_id=1358008585813430273"
    }
  },
  {
    "following" : {
      "accountId" : "1475442743237353477",
      "userLink" : "https://twitter.com/intent/user?user_id=1475442743237353477"
    }
  },
  {
    "following" : {
      "accountId" : "1495103259039703049",
      "userLink" : "https://twitter.com/intent/user?user_id=1495103259039703049"
    }
  },
  {
    "following" : {
      "accountId" : "715986128168423425",
      "userLink" : "https://twitter.com/intent/user?user_id=715986128168423425"
    }
  },
  {
    "following" : {
      "accountId" : "1170989680520769537",
      "userLink" : "https://twitter.com/intent/user?user_id=1170989680520769537"
    }
  },
  {
    "following" : {
      "accountId" : "1462663446902632460",
      "userLink" : "https://twitter.com/intent/user?user_id=1462663446902632460"
    }
  },
  {
    "following" : {
      "accountId" : "1427716062020202497",
      "userLink" : "https://twitter.com/intent/user?user_id=1427716062020202497"
    }
  },
  {
    "following" : {
      "accountId" : "837285665914019840",
      "userLink" : "https://twitter.com/intent/user?user_id=837285665914019840"
    }
  },
  {
    "following" : {
      "accountId" : "1378069751746863104",
      "userLink" : "https://twitter.com/intent/user?user_id=1378069751746863104"
    }
  },
  {
    "following" : {
      "accountId" : "856414302722457600",
      "userLink" : "https://twitter.com/intent/user?user_id=856414302722457600"
    }
  },
  {
    "following" : {
      "accountId" : "893704564054020096",
      "userLink" : "https://twitter.com/intent/user?user_id=893704564054020096"
    }
  },
  {
    "following" : {
      "accountId" : "843661033076023296",
      "userLink" : "https://twitter.com/intent/user?user_id=843661033076023296"
    }
  },
  {
    "following" : {
      "accountId" : "1464806287808634883",
      "userLink" : "https://twitter.com/intent/user?user_id=1464806287808634883"
    }
  },
  {
    "following" : {
      "accountId" : "936642603403104259",
      "userLink" : "https://twitter.com/intent/user?user_id=936642603403104259"
    }
  },
  {
    "following" : {
      "accountId" : "976789086127181824",
      "userLink" : "https://twitter.com/intent/user?user_id=976789086127181824"
    }
  },
  {
    "following" : {
      "accountId" : "894191182561120256",
      "userLink" : "https://twitter.com/intent/user?user_id=894191182561120256"
    }
  },
  {
    "following" : {
      "accountId" : "717926102614716417",
      "userLink" : "https://twitter.com/intent/user?user_id=717926102614716417"
    }
  },
  {
    "following" : {
      "accountId" : "1265037073",
      "userLink" : "https://twitter.com/intent/user?user_id=1265037073"
    }
  },
  {
    "following" : {
      "accountId" : "880470278408724481",
      "userLink" : "https://twitter.com/intent/user?user_id=880470278408724481"
    }
  },
  {
    "following" : {
      "accountId" : "960930668246167553",
      "userLink" : "https://twitter.com/intent/user?user_id=960930668246167553"
    }
  },
  {
    "following" : {
      "accountId" : "2648357839",
      "userLink" : "https://twitter.com/intent/user?user_id=2648357839"
    }
  },
  {
    "following" : {
      "accountId" : "2595993017",
      "userLink" : "https://twitter.com/intent/user?user_id=2595993017"
    }
  },
  {
    "following" : {
      "accountId" : "3724412003",
      "userLink" : "https://twitter.com/intent/user?user_id=3724412003"
    }
  },
  {
    "following" : {
      "accountId" : "1595615893",
      "userLink" : "https://twitter.com/intent/user?user_id=1595615893"
    }
  },
  {
    "following" : {
      "accountId" : "14096763",
      "userLink" : "https://twitter.com/intent/user?user_id=14096763"
    }
  },
  {
    "following" : {
      "accountId" : "4055409739",
      "userLink" : "https://twitter.com/intent/user?user_id=4055409739"
    }
  },
  {
    "following" : {
      "accountId" : "559882002",
      "userLink" : "https://twitter.com/intent/user?user_id=559882002"
    }
  },
  {
    "following" : {
      "accountId" : "27557141",
      "userLink" : "https://twitter.com/intent/user?user_id=27557141"
    }
  },
  {
    "following" : {
      "accountId" : "15028398",
      "userLink" : "https://twitter.com/intent/user?user_id=15028398"
    }
  },
  {
    "following" : {
      "accountId" : "20681763",
      "userLink" : "https://twitter.com/intent/user?user_id=20681763"
    }
  },
  {
    "following" : {
      "accountId" : "732169766450954240",
      "userLink" : "https://twitter.com/intent/user?user_id=732169766450954240"
    }
  },
  {
    "following" : {
      "accountId" : "2207129125",
      "userLink" : "https://twitter.com/intent/user?user_id=2207129125"
    }
  },
  {
    "following" : {
      "accountId" : "3030006159",
      "userLink" : "https://twitter.com/intent/user?user_id=3030006159"
    }
  },
  {
    "following" : {
      "accountId" : "3021837038",
      "userLink" : "https://twitter.com/intent/user?user_id=3021837038"
    }
  },
  {
    "following" : {
      "accountId" : "19773268",
      "userLink" : "https://twitter.com/intent/user?user_id=19773268"
    }
  },
  {
    "following" : {
      "accountId" : "2709931398",
      "userLink" : "https://twitter.com/intent/user?user_id=2709931398"
    }
  },
  {
    "following" : {
      "accountId" : "1548901218",
      "userLink" : "https://twitter.com/intent/user?user_id=1548901218"
    }
  },
  {
    "following" : {
      "accountId" : "715850721346908160",
      "userLink" : "https://twitter.com/intent/user?user_id=715850721346908160"
    }
  },
  {
    "following" : {
      "accountId" : "2800345565",
      "userLink" : "https://twitter.com/intent/user?user_id=2800345565"
    }
  },
  {
    "following" : {
      "accountId" : "2803852087",
      "userLink" : "https://twitter.com/intent/user?user_id=2803852087"
    }
  },
  {
    "following" : {
      "accountId" : "14182218",
      "userLink" : "https://twitter.com/intent/user?user_id=14182218"
    }
  },
  {
    "following" : {
      "accountId" : "49736166",
      "userLink" : "https://twitter.com/intent/user?user_id=49736166"
    }
  },
  {
    "following" : {
      "accountId" : "729548255470575616",
      "userLink" : "https://twitter.com/intent/user?user_id=729548255470575616"
    }
  },
  {
    "following" : {
      "accountId" : "62155958",
      "userLink" : "https://twitter.com/intent/user?user_id=62155958"
    }
  },
  {
    "following" : {
      "accountId" : "531744461",
      "userLink" : "https://twitter.com/intent/user?user_id=531744461"
    }
  },
  {
    "following" : {
      "accountId" : "755365986757337088",
      "userLink" : "https://twitter.com/intent/user?user_id=755365986757337088"
    }
  },
  {
    "following" : {
      "accountId" : "23137860",
      "userLink" : "https://twitter.com/intent/user?user_id=23137860"
    }
  },
  {
    "following" : {
      "accountId" : "2512683048",
      "userLink" : "https://twitter.com/intent/user?user_id=2512683048"
    }
  },
  {
    "following" : {
      "accountId" : "3025777607",
      "userLink" : "https://twitter.com/intent/user?user_id=3025777607"
    }
  },
  {
    "following" : {
      "accountId" : "3278906401",
      "userLink" : "https://twitter.com/intent/user?user_id=3278906401"
    }
  },
  {
    "following" : {
      "accountId" : "215493429",
      "userLink" : "https://twitter.com/intent/user?user_id=215493429"
    }
  },
  {
    "following" : {
      "accountId" : "3433949367",
      "userLink" : "https://twitter.com/intent/user?user_id=3433949367"
    }
  },
  {
    "following" : {
      "accountId" : "745273",
      "userLink" : "https://twitter.com/intent/user?user_id=745273"
    }
  },
  {
    "following" : {
      "accountId" : "361289499",
      "userLink" : "https://twitter.com/intent/user?user_id=361289499"
    }
  },
  {
    "following" : {
      "accountId" : "1862972077",
      "userLink" : "https://twitter.com/intent/user?user_id=1862972077"
    }
  },
  {
    "following" : {
      "accountId" : "151936663",
      "userLink" : "https://twitter.com/intent/user?user_id=151936663"
    }
  },
  {
    "following" : {
      "accountId" : "2259434528",
      "userLink" : "https://twitter.com/intent/user?user_id=2259434528"
    }
  },
  {
    "following" : {
      "accountId" : "81929622",
      "userLink" : "https://twitter.com/intent/user?user_id=81929622"
    }
  },
  {
    "following" : {
      "accountId" : "26377478",
      "userLink" : "https://twitter.com/intent/user?user_id=26377478"
    }
  },
  {
    "following" : {
      "accountId" : "3416280129",
      "userLink" : "https://twitter.com/intent/user?user_id=3416280129"
    }
  },
  {
    "following" : {
      "accountId" : "1431204614",
      "userLink" : "https://twitter.com/intent/user?user_id=1431204614"
    }
  },
  {
    "following" : {
      "accountId" : "18903809",
      "userLink" : "https://twitter.com/intent/user?user_id=18903809"
    }
  },
  {
    "following" : {
      "accountId" : "4889797976",
      "userLink" : "https://twitter.com/intent/user?user_id=4889797976"
    }
  },
  {
    "following" : {
      "accountId" : "2350277942",
      "userLink" : "https://twitter.com/intent/user?user_id=2350277942"
    }
  },
  {
    "following" : {
      "accountId" : "132616802",
      "userLink" : "https://twitter.com/intent/user?user_id=132616802"
    }
  },
  {
    "following" : {
      "accountId" : "2362854624",
      "userLink" : "https://twitter.com/intent/user?user_id=2362854624"
    }
  },
  {
    "following" : {
      "accountId" : "1361722422",
      "userLink" : "https://twitter.com/intent/user?user_id=1361722422"
    }
  },
  {
    "following" : {
      "accountId" : "1854401",
      "userLink" : "https://twitter.com/intent/user?user_id=1854401"
    }
  },
  {
    "following" : {
      "accountId" : "372917275",
      "userLink" : "https://twitter.com/intent/user?user_id=372917275"
    }
  },
  {
    "following" : {
      "accountId" : "713179445",
      "userLink" : "https://twitter.com/intent/user?user_id=713179445"
    }
  },
  {
    "following" : {
      "accountId" : "24222556",
      "userLink" : "https://twitter.com/intent/user?user_id=24222556"
    }
  },
  {
    "following" : {
      "accountId" : "250980843",
      "userLink" : "https://twitter.com/intent/user?user_id=250980843"
    }
  },
  {
    "following" : {
      "accountId" : "2772803024",
      "userLink" : "https://twitter.com/intent/user?user_id=2772803024"
    }
  },
  {
    "following" : {
      "accountId" : "519800095",
      "userLink" : "https://twitter.com/intent/user?user_id=519800095"
    }
  },
  {
    "following" : {
      "accountId" : "3586271",
      "userLink" : "https://twitter.com/intent/user?user_id=3586271"
    }
  },
  {
    "following" : {
      "accountId" : "87614341",
      "userLink" : "https://twitter.com/intent/user?user_id=87614341"
    }
  },
  {
    "following" : {
      "accountId" : "2307692107",
      "userLink" : "https://twitter.com/intent/user?user_id=2307692107"
    }
  },
  {
    "following" : {
      "accountId" : "2652239532",
      "userLink" : "https://twitter.com/intent/user?user_id=2652239532"
    }
  },
  {
    "following" : {
      "accountId" : "213236426",
      "userLink" : "https://twitter.com/intent/user?user_id=213236426"
    }
  },
  {
    "following" : {
      "accountId" : "1098681096",
      "userLink" : "https://twitter.com/intent/user?user_id=1098681096"
    }
  },
  {
    "following" : {
      "accountId" : "9933702",
      "userLink" : "https://twitter.com/intent/user?user_id=9933702"
    }
  },
  {
    "following" : {
      "accountId" : "14338147",
      "userLink" : "https://twitter.com/intent/user?user_id=14338147"
    }
  },
  {
    "following" : {
      "accountId" : "4839528448",
      "userLink" : "https://twitter.com/intent/user?user_id=4839528448"
    }
  },
  {
    "following" : {
      "accountId" : "14379660",
      "userLink" : "https://twitter.com/intent/user?user_id=14379660"
    }
  },
  {
    "following" : {
      "accountId" : "385562752",
      "userLink" : "https://twitter.com/intent/user?user_id=385562752"
    }
  },
  {
    "following" : {
      "accountId" : "720487892670410753",
      "userLink" : "https://twitter.com/intent/user?user_id=720487892670410753"
    }
  },
  {
    "following" : {
      "accountId" : "14744734",
      "userLink" : "https://twitter.com/intent/user?user_id=14744734"
    }
  },
  {
    "following" : {
      "accountId" : "727071292805910528",
      "userLink" : "https://twitter.com/intent/user?user_id=727071292805910528"
    }
  },
  {
    "following" : {
      "accountId" : "2478439963",
      "userLink" : "https://twitter.com/intent/user?user_id=2478439963"
    }
  },
  {
    "following" : {
      "accountId" : "915465450",
      "userLink" : "https://twitter.com/intent/user?user_id=915465450"
    }
  },
  {
    "following" : {
      "accountId" : "2270186526",
      "userLink" : "https://twitter.com/intent/user?user_id=2270186526"
    }
  },
  {
    "following" : {
      "accountId" : "2651174419",
      "userLink" : "https://twitter.com/intent/user?user_id=2651174419"
    }
  },
  {
    "following" : {
      "accountId" : "1333467482",
      "userLink" : "https://twitter.com/intent/user?user_id=1333467482"
    }
  },
  {
    "following" : {
      "accountId" : "125304737",
      "userLink" : "https://twitter.com/intent/user?user_id=125304737"
    }
  },
  {
    "following" : {
      "accountId" : "574032254",
      "userLink" : "https://twitter.com/intent/user?user_id=574032254"
    }
  },
  {
    "following" : {
      "accountId" : "352518189",
      "userLink" : "https://twitter.com/intent/user?user_id=352518189"
    }
  },
  {
    "following" : {
      "accountId" : "2338229497",
      "userLink" : "https://twitter.com/intent/user?user_id=2338229497"
    }
  },
  {
    "following" : {
      "accountId" : "2815661158",
      "userLink" : "https://twitter.com/intent/user?user_id=2815661158"
    }
  },
  {
    "following" : {
      "accountId" : "1399148563",
      "userLink" : "https://twitter.com/intent/user?user_id=1399148563"
    }
  },
  {
    "following" : {
      "accountId" : "2439495535",
      "userLink" : "https://twitter.com/intent/user?user_id=2439495535"
    }
  },
  {
    "following" : {
      "accountId" : "1376161898",
      "userLink" : "https://twitter.com/intent/user?user_id=1376161898"
    }
  },
  {
    "following" : {
      "accountId" : "324539863",
      "userLink" : "https://twitter.com/intent/user?user_id=324539863"
    }
  },
  {
    "following" : {
      "accountId" : "33962758",
      "userLink" : "https://twitter.com/intent/user?user_id=33962758"
    }
  },
  {
    "following" : {
      "accountId" : "14295211",
      "userLink" : "https://twitter.com/intent/user?user_id=14295211"
    }
  },
  {
    "following" : {
      "accountId" : "15351305",
      "userLink" : "https://twitter.com/intent/user?user_id=15351305"
    }
  },
  {
    "following" : {
      "accountId" : "2309637680",
      "userLink" : "https://twitter.com/intent/user?user_id=2309637680"
    }
  },
  {
    "following" : {
      "accountId" : "886832413",
      "userLink" : "https://twitter.com/intent/user?user_id=886832413"
    }
  },
  {
    "following" : {
      "accountId" : "727190049138348032",
      "userLink" : "https://twitter.com/intent/user?user_id=727190049138348032"
    }
  },
  {
    "following" : {
      "accountId" : "396045469",
      "userLink" : "https://twitter.com/intent/user?user_id=396045469"
    }
  },
  {
    "following" : {
      "accountId" : "295218901",
      "userLink" : "https://twitter.com/intent/user?user_id=295218901"
    }
  },
  {
    "following" : {
      "accountId" : "1469101279",
      "userLink" : "https://twitter.com/intent/user?user_id=1469101279"
    }
  },
  {
    "following" : {
      "accountId" : "2230675752",
      "userLink" : "https://twitter.com/intent/user?user_id=2230675752"
    }
  },
  {
    "following" : {
      "accountId" : "315991624",
      "userLink" : "https://twitter.com/intent/user?user_id=315991624"
    }
  },
  {
    "following" : {
      "accountId" : "2288889440",
      "userLink" : "https://twitter.com/intent/user?user_id=2288889440"
    }
  },
  {
    "following" : {
      "accountId" : "61417559",
      "userLink" : "https://twitter.com/intent/user?user_id=61417559"
    }
  },
  {
    "following" : {
      "accountId" : "176758255",
      "userLink" : "https://twitter.com/intent/user?user_id=176758255"
    }
  },
  {
    "following" : {
      "accountId" : "2312333412",
      "userLink" : "https://twitter.com/intent/user?user_id=2312333412"
    }
  },
  {
    "following" : {
      "accountId" : "3022775424",
      "userLink" : "https://twitter.com/intent/user?user_id=3022775424"
    }
  },
  {
    "following" : {
      "accountId" : "14654494",
      "userLink" : "https://twitter.com/intent/user?user_id=14654494"
    }
  },
  {
    "following" : {
      "accountId" : "1562625614",
      "userLink" : "https://twitter.com/intent/user?user_id=1562625614"
    }
  },
  {
    "following" : {
      "accountId" : "153823771",
      "userLink" : "https://twitter.com/intent/user?user_id=153823771"
    }
  },
  {
    "following" : {
      "accountId" : "2433432126",
      "userLink" : "https://twitter.com/intent/user?user_id=2433432126"
    }
  },
  {
    "following" : {
      "accountId" : "21455761",
      "userLink" : "https://twitter.com/intent/user?user_id=21455761"
    }
  },
  {
    "following" : {
      "accountId" : "80788469",
      "userLink" : "https://twitter.com/intent/user?user_id=80788469"
    }
  },
  {
    "following" : {
      "accountId" : "1944727015",
      "userLink" : "https://twitter.com/intent/user?user_id=1944727015"
    }
  }
]