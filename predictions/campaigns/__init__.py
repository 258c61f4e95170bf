"""Campaign content review: services (writes), selectors (reads), uploads (image validation), scoring, feedback
loop, tasks, views and the API."""
