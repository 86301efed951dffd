config = {
    "server": {"host": "localhost", "port": 8080},
    "db": {"name": "app", "pool": 5},
    "features": ["auth", "cache"],
}
print(config["server"]["port"], config["db"].get("user", "root"), len(config["features"]))
config["server"]["port"] = 9090
config["db"]["pool"] += 1
for section, values in config.items():
    print(section, values)
