class Temperature:
    def __init__(self, celsius: float):
        self._celsius = celsius

    @property
    def celsius(self) -> float:
        return self._celsius

    @celsius.setter
    def celsius(self, value: float) -> None:
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self) -> float:
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def from_fahrenheit(f: float) -> "Temperature":
        return Temperature((f - 32) * 5 / 9)

    def __str__(self) -> str:
        return f"{self._celsius:.1f}C"


t = Temperature(25.0)
print(t.celsius, t.fahrenheit, t)
t.celsius = 100.0
print(t.fahrenheit)
print(Temperature.from_fahrenheit(212.0))
try:
    t.celsius = -300.0
except ValueError as e:
    print("error:", e)
