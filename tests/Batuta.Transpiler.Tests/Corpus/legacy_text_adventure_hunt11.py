import random
import textwrap

random.seed(2024)

ROOMS = {
    "hall": {"desc": "A long hall with portraits.", "exits": {"north": "library", "east": "kitchen"}, "items": ["candle"]},
    "library": {"desc": "Dusty shelves full of books.", "exits": {"south": "hall"}, "items": ["book", "key"]},
    "kitchen": {"desc": "Smells of old bread.", "exits": {"west": "hall", "down": "cellar"}, "items": []},
    "cellar": {"desc": "Dark and damp.", "exits": {"up": "kitchen"}, "items": ["wine"], "locked": True},
}


class Player:
    def __init__(self, name):
        self.name = name
        self.room = "hall"
        self.inventory = []
        self.moves = 0

    def look(self):
        room = ROOMS[self.room]
        lines = [self.room.upper(), room["desc"]]
        if room["items"]:
            lines.append("You see: " + ", ".join(room["items"]))
        lines.append("Exits: " + " ".join(sorted(room["exits"])))
        return "\n".join(lines)

    def go(self, direction):
        exits = ROOMS[self.room]["exits"]
        if direction not in exits:
            return "You can't go %s." % direction
        target = exits[direction]
        if ROOMS[target].get("locked") and "key" not in self.inventory:
            return "The way %s is locked." % direction
        self.room = target
        self.moves += 1
        return self.look()

    def take(self, item):
        items = ROOMS[self.room]["items"]
        if item in items:
            items.remove(item)
            self.inventory.append(item)
            return "Taken: " + item
        return "No %s here." % item


p = Player("Ada")
script = ["look", "go west", "go east", "go down", "go west", "go north", "take key", "take sword", "go south",
          "go east", "go down", "take wine", "inventory", "go up"]
for cmd in script:
    verb, _, arg = cmd.partition(" ")
    if verb == "look":
        out = p.look()
    elif verb == "go":
        out = p.go(arg)
    elif verb == "take":
        out = p.take(arg)
    else:
        out = "Carrying: %s" % (", ".join(sorted(p.inventory)) or "nothing")
    print("> " + cmd)
    print(textwrap.indent(out, "  "))
print("moves:", p.moves, "score:", len(p.inventory) * 10 - p.moves)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(20)]
print(rolls, max(set(rolls), key=rolls.count))
print(random.choice(list(ROOMS)), random.sample(sorted(ROOMS), 2), round(random.random(), 6))
