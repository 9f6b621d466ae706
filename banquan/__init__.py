"""banquan (版权): an online copyright registration system."""
