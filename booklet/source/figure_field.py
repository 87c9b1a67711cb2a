"""A `figure:` YAML node -> a Figure: a built-in pose or anatomy plate, with the author's
overrides checked against the pose vocabulary and the body's ranges of motion."""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

import yaml

import booklet.figures as figures_package
from booklet.assets import disk_cache
from booklet.figures.library import (
    ANATOMY,
    ANATOMY_DESCRIPTIONS,
    ARM_ANGLES,
    BASES,
    BODY_ANGLES,
    LIMB_ANGLES,
    LIMB_REGIONS,
    POSES,
    RANGES,
    REACH_TARGETS,
    REGIONS,
    SIDES,
    STRAIGHT_KNEE,
    STRAIGHT_LEG_HIP_LIMIT,
    VIEWS,
)
from booklet.figures.support import flat_feet, posture_problems, working_range
from booklet.model import Arrow, Figure
from booklet.source import spec
from booklet.source.fields import Context, Fields, scalar_text, suggestion

ANGLE_FIELDS = (*BODY_ANGLES, *SIDES)
HELD_PROPS = ("chair", "table", "wall")
LIMB_FIELDS = (*LIMB_ANGLES, "reach")


def figure_names() -> list[str]:
    return [*POSES, *BASES, *ANATOMY]


def catalogue() -> list[tuple[str, str, str]]:
    """(name, view, what it shows) of every built-in figure: poses, base postures, plates."""
    rows = [(name, builtin(name).view, pose.description) for name, pose in POSES.items()]
    rows += [(name, posture.view, "base posture") for name, posture in BASES.items()]
    rows += [(name, "front", ANATOMY_DESCRIPTIONS[name]) for name in ANATOMY]
    return rows


@functools.lru_cache(maxsize=256)
def builtin(name: str) -> Figure:
    """The built-in pose, base posture or anatomy plate `name`, as it is drawn by default."""
    if name in ANATOMY:
        return Figure(name=name)
    pose = POSES.get(name)
    base = pose.base if pose else name
    posture = BASES[base]
    angles = {**posture.angles, **(pose.angles if pose else {})}
    return settled(
        Figure(
            name=name,
            base=base,
            angles=tuple(sorted(angles.items())),
            reach=tuple(sorted(pose.reach.items())) if pose else (),
            side=pose.side if pose else "right",
            props=pose.props if pose and pose.props is not None else posture.props,
            emphasis=pose.emphasis if pose else (),
            arrow=Arrow(*pose.arrow) if pose and pose.arrow else None,
            then=tuple(sorted(pose.then.items())) if pose else (),
            layers=pose.layers if pose else (),
            view=(pose.view if pose else None) or posture.view,
        )
    )


def settled(figure: Figure) -> Figure:
    """`figure` with the feet its pose rests on put flat on the floor. Finding them takes
    many trial posings, so the angles are kept in the disk cache, named by the pose and
    the code that poses it (the figure carries no caption or alt text here)."""
    entry = disk_cache.entry_name("settled", disk_cache.code_version(FIGURES), repr(figure))
    angles = angles_from_entry(disk_cache.read(entry))
    if angles is None:
        angles = flat_feet(figure, dict(figure.angles))
        disk_cache.write(entry, "\n".join(f"{k} {v!r}" for k, v in angles.items()).encode())
    return replace(figure, angles=tuple(sorted(angles.items())))


FIGURES = Path(figures_package.__file__).parent


def angles_from_entry(entry: bytes | None) -> dict[str, float] | None:
    """The angles a disk cache entry holds, or None."""
    if entry is None:
        return None
    try:
        return {
            name: float(value)
            for name, value in (line.split(" ") for line in entry.decode().splitlines())
        }
    except ValueError:
        return None


def read_figure(ctx: Context, node: yaml.Node, path: str) -> Figure | None:
    """`figure:` is a built-in name, or a mapping with `pose:` (or `anatomy:`) and overrides."""
    if not isinstance(node, yaml.MappingNode):
        name = scalar_text(ctx, node, path, required=True)
        return None if name is None else named(ctx, node, path, name, figure_names())
    fields = Fields(ctx, node, path, spec.FIGURE)
    pose_name, anatomy_name = fields.text("pose"), fields.text("anatomy")
    caption, alt = fields.text("caption"), fields.text("alt")
    if (pose_name is None) == (anatomy_name is None):
        message = (
            "give either `pose` or `anatomy`, not both"
            if pose_name
            else "missing `pose` (a built-in pose name) or `anatomy`"
        )
        ctx.report(node, path, message)
        return None
    if anatomy_name is not None:
        figure = named(
            ctx,
            fields.get("anatomy"),
            fields.where("anatomy"),
            anatomy_name,
            list(fields.spec("anatomy").choices),
        )
        for extra in ("side", "angles", "then", "props", "emphasis", "arrow", "view"):
            if fields.get(extra) is not None:
                ctx.report(fields.get(extra), fields.where(extra), "is only for poses")
                figure = None
        return None if figure is None else Figure(name=figure.name, caption=caption, alt=alt)
    known = list(fields.spec("pose").choices)
    figure = named(ctx, fields.get("pose"), fields.where("pose"), pose_name or "", known)
    if figure is None:
        return None
    return overridden(fields, figure, caption, alt)


def named(
    ctx: Context, node: yaml.Node | None, path: str, name: str, known: list[str]
) -> Figure | None:
    key = name.lower()
    if key in known:
        return builtin(key)
    hint = suggestion(name, known) or "; built-in figures: " + ", ".join(known)
    ctx.report(node, path, f'"{name}" is not a built-in figure{hint}')
    return None


def overridden(
    fields: Fields, figure: Figure, caption: str | None, alt: str | None
) -> Figure | None:
    before = len(fields.ctx.problems)
    side = fields.one_of("side") or figure.side
    angles, reach = read_angles(fields, "angles", dict(figure.angles), dict(figure.reach))
    then: dict[str, float] = dict(figure.then)
    if fields.get("then") is not None:
        then_angles, _ = read_angles(fields, "then", {}, {}, reach_allowed=False)
        then = {**then, **{k: v for k, v in then_angles.items()}}
    props = read_names(fields, "props", fields.spec("props").item_choices, figure.props)
    # a hand on a chair, table or wall holds one: it is drawn
    props += tuple(sorted({t for t in reach.values() if t in HELD_PROPS and t not in props}))
    emphasis = read_names(fields, "emphasis", REGIONS, figure.emphasis, sided=True)
    arrow = read_arrow(fields) if fields.get("arrow") is not None else figure.arrow
    view = fields.one_of("view", list(VIEWS)) or figure.view
    if len(fields.ctx.problems) > before:
        return None
    check_combined(fields, angles)
    if len(fields.ctx.problems) > before:
        return None
    asked = Figure(
        name=figure.name,
        base=figure.base,
        angles=tuple(sorted(angles.items())),
        reach=tuple(sorted(reach.items())),
        side=side,
        props=props,
        emphasis=emphasis,
        arrow=arrow,
        then=tuple(sorted(then.items())),
        layers=figure.layers,
        view=view,
    )
    if asked == figure:  # the built-in pose as it is: settled, and tested to be holdable
        return replace(figure, caption=caption, alt=alt)
    drawn = settled_once(asked)
    check_posture(fields, drawn, figure)
    if len(fields.ctx.problems) > before:
        return None
    return replace(drawn, caption=caption, alt=alt)


@functools.lru_cache(maxsize=256)
def settled_once(figure: Figure) -> Figure:
    """`settled`, once per process for each pose (200 cards may share one adjusted pose)."""
    return settled(figure)


@functools.lru_cache(maxsize=256)
def posture_problems_once(figure: Figure) -> tuple[str, ...]:
    """What stops a body holding `figure`, found once per process for each pose."""
    return tuple(posture_problems(figure))


def check_posture(fields: Fields, figure: Figure, pose: Figure) -> None:
    """A pose a real body could not hold (falling over, a hand short of what it holds, a
    knee off the floor it kneels on) is an error naming the angles that work."""
    problems = posture_problems_once(figure)
    if not problems:
        return
    changed = [name for name, value in figure.angles if dict(pose.angles).get(name, 0.0) != value]
    hints = []
    for name in changed:
        found = working_range(figure, name)
        if found is not None and not found[0] <= figure.angle(name) <= found[1]:
            label = name.replace(".", " ")
            hints.append(f"{label} works from {found[0]:g} to {found[1]:g}")
    if not hints:  # the same joint on both sides, moved together
        for name in sorted({n.split(".", 1)[1] for n in changed if "." in n}):
            pair = (f"near.{name}", f"far.{name}")
            found = working_range(figure, *pair)
            if found is not None:
                hints.append(f"near and far {name} together work from {found[0]:g} to {found[1]:g}")
    hint = f"; with the other angles as they are, {'; '.join(hints)}" if hints else ""
    where = "angles" if fields.get("angles") is not None else "pose"
    fields.ctx.report(
        fields.get(where), fields.where(where), f"a body cannot hold this: {problems[0]}{hint}"
    )


def read_angles(
    fields: Fields,
    name: str,
    angles: dict[str, float],
    reach: dict[str, str],
    reach_allowed: bool = True,
) -> tuple[dict[str, float], dict[str, str]]:
    """Angle overrides: `trunk`, `back`, `head`, `twist`, and `near:`/`far:` limb angles."""
    node = fields.get(name)
    if node is None:
        return angles, reach
    ctx = fields.ctx
    top = Fields(ctx, node, fields.where(name), ANGLE_FIELDS)
    angles, reach = dict(angles), dict(reach)
    for key in BODY_ANGLES:
        value = read_angle(top, key, key)
        if value is not None:
            angles[key] = value
    for side in SIDES:
        limb_node = top.get(side)
        if limb_node is None:
            continue
        limb = Fields(ctx, limb_node, top.where(side), LIMB_FIELDS)
        given_arm = False
        for key in LIMB_ANGLES:
            value = read_angle(limb, key, key)
            if value is not None:
                angles[f"{side}.{key}"] = value
                given_arm = given_arm or key in ARM_ANGLES
        target = limb.text("reach")
        if target is not None and not reach_allowed:
            ctx.report(limb.get("reach"), limb.where("reach"), "is not used in `then`; give angles")
        elif target is not None:
            if given_arm:
                ctx.report(
                    limb.get("reach"),
                    limb.where("reach"),
                    "puts the hand in place, so the shoulder and elbow angles would be ignored; "
                    "give `reach` or the arm's angles, not both",
                )
            elif target.lower() == "none":
                reach.pop(side, None)
            elif target.lower() in REACH_TARGETS:
                reach[side] = target.lower()
            else:
                hint = suggestion(target, REACH_TARGETS)
                ctx.report(
                    limb.get("reach"),
                    limb.where("reach"),
                    f'"{target}" is not one of: {", ".join(REACH_TARGETS)}, none{hint}',
                )
        elif given_arm:
            reach.pop(side, None)
    return angles, reach


def read_angle(fields: Fields, name: str, kind: str) -> float | None:
    """A whole or decimal number of degrees within the body's range for `kind`."""
    text = fields.text(name)
    if text is None:
        return None
    node, where = fields.get(name), fields.where(name)
    cleaned = text.removesuffix("°").strip()
    try:
        value = float(cleaned)
    except ValueError:
        fields.ctx.report(node, where, f'"{text}" is not an angle; write degrees, such as 30')
        return None
    low, high, meaning = RANGES[kind]
    if not low <= value <= high:
        fields.ctx.report(
            node,
            where,
            f"{value:g} degrees is beyond what a body can do; {kind} ({meaning}) goes from "
            f"{low:g} to {high:g}",
        )
        return None
    return value


def check_combined(fields: Fields, angles: dict[str, float]) -> None:
    """Limits that depend on two joints: a straight leg cannot swing up very far."""
    node = fields.get("angles")
    for side in SIDES:
        hip, knee = angles.get(f"{side}.hip", 0.0), angles.get(f"{side}.knee", 0.0)
        if hip > STRAIGHT_LEG_HIP_LIMIT and knee < STRAIGHT_KNEE:
            fields.ctx.report(
                node,
                fields.where("angles") + f".{side}",
                f"a hip bent {hip:g} degrees with the knee nearly straight ({knee:g}) is beyond "
                f"what the hamstrings allow; bend the knee at least {STRAIGHT_KNEE:g} degrees or "
                f"keep the hip at {STRAIGHT_LEG_HIP_LIMIT:g} or less",
            )


def read_names(
    fields: Fields,
    name: str,
    options: tuple[str, ...],
    default: tuple[str, ...],
    sided: bool = False,
) -> tuple[str, ...]:
    """A list of names (a single name is fine too); `far REGION` for the far side's limb."""
    node = fields.get(name)
    if node is None:
        return default
    items = (
        [(fields.where(name), node)] if isinstance(node, yaml.ScalarNode) else fields.items(name)
    )
    found: list[str] = []
    for where, item in items:
        text = scalar_text(fields.ctx, item, where, required=True)
        if text is None:
            continue
        side, _, word = text.lower().rpartition(" ")
        if sided and side and side not in SIDES:
            fields.ctx.report(item, where, f'"{text}": the side before a region is near or far')
            continue
        if word not in options:
            hint = suggestion(word, options)
            fields.ctx.report(item, where, f'"{text}" is not one of: {", ".join(options)}{hint}')
            continue
        if side == "far" and word not in LIMB_REGIONS:
            fields.ctx.report(item, where, f'"{word}" is in the middle of the body; drop "far"')
            continue
        found.append(f"far {word}" if side == "far" else word)
    return tuple(found)


def read_arrow(fields: Fields) -> Arrow | None:
    node = fields.get("arrow")
    arrow = Fields(fields.ctx, node, fields.where("arrow"), spec.ARROW)
    if not arrow.ok:
        return None
    at = arrow.need("at") and arrow.one_of("at")
    toward = arrow.need("toward") and arrow.one_of("toward")
    if not at or not toward:
        return None
    return Arrow(at=at, toward=toward)
