"""Reading input workbooks and CSV folders into the domain model."""
