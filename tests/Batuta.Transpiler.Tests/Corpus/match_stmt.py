def describe(cmd) -> str:
    match cmd:
        case "quit":
            return "bye"
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", *things]:
            return f"picking {len(things)} things"
        case 0 | 1:
            return "small"
        case int(n) if n > 100:
            return "big int"
        case {"action": act}:
            return "action " + str(act)
        case _:
            return "unknown"


for c in ["quit", ["go", "north"], ["pick", "a", "b"], 1, 500, 7, {"action": "jump"}, 3.5]:
    print(describe(c))
