TRANSITIONS = {
    ("idle", "start"): "running",
    ("running", "pause"): "paused",
    ("paused", "resume"): "running",
    ("running", "stop"): "idle",
    ("paused", "stop"): "idle",
}


def run(events: list[str]) -> list[str]:
    state = "idle"
    trace = [state]
    for ev in events:
        key = (state, ev)
        if key not in TRANSITIONS:
            trace.append(f"!{ev}")
            continue
        state = TRANSITIONS[key]
        trace.append(state)
    return trace


print(run(["start", "pause", "resume", "stop"]))
print(run(["pause", "start", "start", "stop", "stop"]))
