"""Read models: indexed tables projected from the notification log, exactly once."""
