"""Real-browser tests: Chromium through Playwright, with axe-core on every page."""
