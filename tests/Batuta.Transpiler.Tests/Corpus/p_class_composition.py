class Engine:
    def __init__(self, hp: int):
        self.hp = hp
        self.running = False

    def start(self) -> str:
        self.running = True
        return f"engine {self.hp}hp started"


class Car:
    def __init__(self, make: str, hp: int):
        self.make = make
        self.engine = Engine(hp)
        self.miles = 0.0

    def drive(self, miles: float) -> str:
        if not self.engine.running:
            return f"{self.make}: {self.engine.start()}"
        self.miles += miles
        return f"{self.make} drove {miles} (total {self.miles})"


car = Car("Volvo", 250)
print(car.drive(10.0))
print(car.drive(12.5))
print(car.drive(7.25))
print(car.engine.running, car.engine.hp)
