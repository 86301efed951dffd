class ValidationError(Exception):
    def __init__(self, field: str, problem: str):
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


def validate(user: dict) -> list[str]:
    errors = []
    try:
        if not user.get("name"):
            raise ValidationError("name", "required")
        if len(str(user.get("name"))) < 3:
            raise ValidationError("name", "too short")
    except ValidationError as e:
        errors.append(str(e))
    return errors


print(validate({"name": "Al"}), validate({}), validate({"name": "Alice"}))
raise ValidationError("email", "invalid format")
