"""No models in this app."""
