import sys

ROOMS = {
    'hall': {'desc': 'A dusty hall.', 'exits': {'north': 'library', 'east': 'kitchen'}, 'items': ['lamp']},
    'library': {'desc': 'Shelves of books.', 'exits': {'south': 'hall'}, 'items': ['book', 'key']},
    'kitchen': {'desc': 'Smells of old bread.', 'exits': {'west': 'hall', 'down': 'cellar'}, 'items': []},
    'cellar': {'desc': 'Dark and damp.', 'exits': {'up': 'kitchen'}, 'items': ['treasure'], 'locked': True},
}

class GameOver(Exception):
    pass

class Player:
    def __init__(self, name, start='hall'):
        self.name = name
        self.room = start
        self.inventory = []
        self.moves = 0

    def __repr__(self):
        return 'Player(%r, room=%r, inv=%r)' % (self.name, self.room, self.inventory)

class Game:
    ALIASES = {'n': 'north', 's': 'south', 'e': 'east', 'w': 'west', 'u': 'up', 'd': 'down'}

    def __init__(self, player):
        self.player = player
        self.handlers = {
            'look': self.look, 'go': self.go, 'take': self.take,
            'drop': self.drop, 'inv': self.inv, 'quit': self.quit,
        }

    def look(self, *args):
        room = ROOMS[self.player.room]
        print(room['desc'])
        if room['items']:
            print("You see: " + ", ".join(room['items']))
        print("Exits:", " ".join(sorted(room['exits'])))

    def go(self, direction=None):
        if direction is None:
            print("Go where?")
            return
        direction = self.ALIASES.get(direction, direction)
        exits = ROOMS[self.player.room]['exits']
        if direction not in exits:
            print("You can't go %s." % direction)
            return
        target = exits[direction]
        if ROOMS[target].get('locked') and 'key' not in self.player.inventory:
            print("The door is locked.")
            return
        self.player.room = target
        self.player.moves += 1
        self.look()

    def take(self, item=None):
        items = ROOMS[self.player.room]['items']
        if item in items:
            items.remove(item)
            self.player.inventory.append(item)
            print(f"Taken: {item}")
            if item == 'treasure':
                raise GameOver('You win after %d moves!' % self.player.moves)
        else:
            print(f"No {item} here.")

    def drop(self, item=None):
        try:
            self.player.inventory.remove(item)
        except ValueError:
            print("You don't have that.")
        else:
            ROOMS[self.player.room]['items'].append(item)
            print("Dropped.")

    def inv(self):
        print("Carrying:", self.player.inventory or "nothing")

    def quit(self):
        raise GameOver('Bye.')

    def dispatch(self, line):
        words = line.lower().split()
        if not words:
            return
        verb, *rest = words
        if verb in self.ALIASES:
            verb, rest = 'go', [verb]
        handler = self.handlers.get(verb)
        if handler is None:
            print("I don't understand %r." % verb)
            return
        try:
            handler(*rest)
        except TypeError as e:
            print("Bad command:", type(e).__name__)

def main():
    g = Game(Player('Zed'))
    g.look()
    count = 0
    try:
        for line in sys.stdin:
            count += 1
            print(f"> {line.rstrip()}")
            g.dispatch(line)
    except GameOver as over:
        print(over)
        print(over.args)
    finally:
        print("commands read:", count)
    print(g.player)
    return 0

if __name__ == "__main__":
    sys.exit(main())
