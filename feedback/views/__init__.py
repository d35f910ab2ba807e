"""The SMS side's pages, one blueprint per area."""
