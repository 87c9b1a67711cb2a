"""One module per command: its arguments, options and help, and what it prints. Each
imports the stages it runs only when it runs, so `booklet --help` stays fast."""
