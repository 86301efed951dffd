class Animal:
    def __init__(self, name: str):
        self.name = name

    def speak(self) -> str:
        return "..."

    def describe(self) -> str:
        return f"{self.name} says {self.speak()}"


class Dog(Animal):
    def speak(self) -> str:
        return "Woof"


class Cat(Animal):
    def __init__(self, name: str, lives: int = 9):
        super().__init__(name)
        self.lives = lives

    def speak(self) -> str:
        return "Meow"

    def describe(self) -> str:
        return super().describe() + f" ({self.lives} lives)"


animals: list[Animal] = [Dog("Rex"), Cat("Tom"), Animal("Generic"), Cat("Kit", 3)]
for a in animals:
    print(a.describe())
print(isinstance(animals[0], Dog), isinstance(animals[1], Dog), isinstance(animals[1], Animal))
print(sum(1 for a in animals if isinstance(a, Cat)))
