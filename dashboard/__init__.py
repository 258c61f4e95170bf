"""Pages that combine the apps: the dashboard and the demo seeding. This app sits above accounts, profiles,
predictions and network and reads them only through their selectors (and seeds them through their demo loaders);
none of them imports it."""
