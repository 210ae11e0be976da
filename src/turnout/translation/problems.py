"""What is wrong with a machine translation, said to a person and to the model."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Why a translation may not be used: `message` for a person, `instruction` for the model."""

    code: str
    message: str
    instruction: str

    def __str__(self) -> str:
        return self.message
