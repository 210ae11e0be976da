"""Granting and revoking roles (administrator, coordinator, organizer, group lead), each audited."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from turnout.web.email_addresses import normalize_email

from .models import AuditAction, User
from .services import record_audit

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Site administrator")
    COORDINATOR = "coordinator", _("Coordinator of a campaign")
    ORGANIZER = "organizer", _("Organizer of an event")
    LEAD = "lead", _("Lead of a group")


@dataclass(frozen=True)
class RoleObject:
    """What a role is held on, as the app that owns it registers it (accounts sits below)."""

    model: type[models.Model]
    people_field: str  # the object's many-to-many field of the people holding the role
    form_field: str  # the role form's field that names the object: "campaign", "event"
    label: "StrOrPromise"
    choices: Callable[[], models.QuerySet]  # the objects offered in the role form, in order


# Filled from the apps' `rules` modules in their `AppConfig.ready()`.
_ROLE_OBJECTS: dict[Role, RoleObject] = {}


def register_role_object(role: Role, held_on: RoleObject) -> None:
    existing = _ROLE_OBJECTS.get(role)
    if existing is not None and existing.model is not held_on.model:
        raise ValueError(f"the {role} role is already held on {existing.model.__name__}")
    _ROLE_OBJECTS[Role(role)] = held_on


def role_objects() -> dict[Role, RoleObject]:
    """The roles held on an object, in the order the apps registered them."""
    return dict(_ROLE_OBJECTS)


class LastAdministratorError(ValueError):
    """Removing this role would leave the site without an administrator."""


@dataclass(frozen=True)
class RoleHolding:
    person: User
    role: Role
    obj: models.Model | None


def _check_object(role: Role, obj: models.Model | None) -> None:
    if role == Role.ADMINISTRATOR:
        if obj is not None:
            raise ValueError("The administrator role is for the whole site, not an object.")
        return
    model = _ROLE_OBJECTS[role].model
    if not isinstance(obj, model):
        raise ValueError(f"A {role} role needs a {model.__name__}.")


def _describe(role: Role, person: User, obj: models.Model | None) -> str:
    """The audit log's details, in one language whoever reads them: "a@b.org: lead of group …"."""
    where = f" of {obj._meta.model_name} “{obj}” (#{obj.pk})" if obj is not None else ""
    return f"{person.email}: {Role(role).value}{where}"


def find_or_create_person(*, email: str, name: str = "", language: str = "en") -> User:
    """The account behind an email address, created (without a password) when new."""
    email = normalize_email(email)
    person = User.objects.filter(email__iexact=email).first()
    if person is not None:
        return person
    try:
        with transaction.atomic():
            return User.objects.create_user(email, name=name.strip(), language=language)
    except IntegrityError:  # created at the same moment by another request: theirs is ours
        return User.objects.get(email__iexact=email)


def holds_any_role(person: User) -> bool:
    """Whether `person` is an administrator or holds a role on any campaign, event or group."""
    if person.is_superuser or person.is_staff:
        return True
    return any(
        held_on.model._default_manager.filter(**{held_on.people_field: person}).exists()
        for held_on in _ROLE_OBJECTS.values()
    )


def grant_role(
    *, actor: User | None, person: User, role: Role, obj: models.Model | None = None
) -> bool:
    """Give `person` a role (on `obj`); returns False when they already had it."""
    role = Role(role)
    _check_object(role, obj)
    with transaction.atomic():
        if role == Role.ADMINISTRATOR:
            person = User.objects.select_for_update().get(pk=person.pk)
            if person.is_superuser:
                return False
            person.is_superuser = person.is_staff = True
            person.save(update_fields=["is_superuser", "is_staff"])
        else:
            people = getattr(obj, _ROLE_OBJECTS[role].people_field)
            if people.filter(pk=person.pk).exists():
                return False
            people.add(person)
        record_audit(
            actor=actor,
            action=AuditAction.ROLE_GRANTED,
            target=obj or person,
            summary=_describe(role, person, obj),
        )
    return True


def revoke_role(
    *, actor: User | None, person: User, role: Role, obj: models.Model | None = None
) -> bool:
    """Take a role away; returns False when they did not have it."""
    role = Role(role)
    _check_object(role, obj)
    with transaction.atomic():
        if role == Role.ADMINISTRATOR:
            person = User.objects.select_for_update().get(pk=person.pk)
            if not person.is_superuser:
                return False
            if (
                not User.objects.filter(is_superuser=True, is_active=True)
                .exclude(pk=person.pk)
                .exists()
            ):
                raise LastAdministratorError("The last administrator cannot be removed.")
            person.is_superuser = person.is_staff = False
            person.save(update_fields=["is_superuser", "is_staff"])
        else:
            people = getattr(obj, _ROLE_OBJECTS[role].people_field)
            if not people.filter(pk=person.pk).exists():
                return False
            people.remove(person)
        record_audit(
            actor=actor,
            action=AuditAction.ROLE_REVOKED,
            target=obj or person,
            summary=_describe(role, person, obj),
        )
    return True


def record_role_changes(
    *, actor: User | None, role: Role, obj: models.Model, before: set[int], after: set[int]
) -> None:
    """Audit the people added to or removed from a role by a form that edits the field itself."""
    for person in User.objects.filter(pk__in=after - before):
        record_audit(
            actor=actor,
            action=AuditAction.ROLE_GRANTED,
            target=obj,
            summary=_describe(role, person, obj),
        )
    for person in User.objects.filter(pk__in=before - after):
        record_audit(
            actor=actor,
            action=AuditAction.ROLE_REVOKED,
            target=obj,
            summary=_describe(role, person, obj),
        )


def role_holdings() -> list[RoleHolding]:
    """Everyone with a role, administrators first, then by role and object."""
    holdings = [
        RoleHolding(person, Role.ADMINISTRATOR, None)
        for person in User.objects.filter(is_superuser=True).order_by("email")
    ]
    for role, held_on in _ROLE_OBJECTS.items():
        model = held_on.model
        through = getattr(model, held_on.people_field).through
        object_field = str(model._meta.model_name)
        rows = through.objects.select_related(object_field, "user").order_by(
            f"{object_field}__pk", "user__email"
        )
        holdings += [RoleHolding(row.user, Role(role), getattr(row, object_field)) for row in rows]
    return holdings


def role_object(role: Role, pk: int) -> models.Model:
    """The campaign, event or group a role is held on."""
    model = _ROLE_OBJECTS[Role(role)].model
    return model._default_manager.get(pk=pk)
