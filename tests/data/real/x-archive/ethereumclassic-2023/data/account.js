window.YTD.account.part0 = [
  {
    account: {
      email: "redacted",
      createdVia: "oauth:129032",
      username: "eth_classic",
      accountId: "759252279862104064",
      createdAt: "2016-07-30T05:00:24.567Z",
      accountDisplayName: "Ethereum Classic",
    },
  },
];
