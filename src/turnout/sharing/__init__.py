"""Links that travel: Open Graph tags, drawn share cards, schema.org JSON-LD, add to calendar."""
