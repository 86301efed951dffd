import json

record = {"id": 7, "tags": ["x", "y"], "score": 0.5, "ok": False, "meta": None}
text = json.dumps(record, indent=4, sort_keys=True)
print(text)
with open("rec.json", "w") as f:
    f.write(json.dumps(record))
with open("rec.json") as f:
    back = json.loads(f.read())
print(back == record, back["tags"], type(back).__name__)
print(json.dumps({"nested": {"a": [1, {"b": 2}]}}, indent=2))
