import json

data = {"name": "Widget", "price": 9.99, "tags": ["a", "b"], "stock": None, "active": True, "dims": {"w": 2, "h": 3.5}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, sort_keys=True))
print(json.dumps([1, 2.0, "é", "quote\"s"]), json.dumps("ünïcode", ensure_ascii=False))
back = json.loads('{"a": [1, 2, {"b": null}], "c": 1.5, "d": "x"}')
print(back, back["a"][2])
