"""Templates for the HTML report page, kept as Python strings so every install carries them."""
