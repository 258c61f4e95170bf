window.YTD.profile.part0 = [
  {
    profile: {
      description: {
        bio: "Latest News and Information from Ethereum Classic (ETC). A crypto-currency with smart contracts which respects immutability and neutrality.",
        website: "https://ethereumclassic.org",
        location: "Blockchain",
      },
      avatarMediaUrl:
        "https://pbs.twimg.com/profile_images/1578028611638276101/da3tW8zS.jpg",
      headerMediaUrl:
        "https://pbs.twimg.com/profile_banners/759252279862104064/1665066328",
    },
  },
];
