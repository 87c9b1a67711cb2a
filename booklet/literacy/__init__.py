"""Reading level, plain wording and PEMAT items of a validated booklet (`booklet check`)."""
