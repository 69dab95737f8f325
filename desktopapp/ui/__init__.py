"""Qt widgets and models: thin views over the repository."""
