"""Sheets of a form's answers, as a movement collects its local organizers' events: Google Forms
(in English, French, German, Spanish, Dutch, Italian, Polish and Portuguese), Microsoft Forms,
Typeform and Jotform. Each question is its column's header; the programs add columns of their
own (when the form was filled in and by whom) that say nothing about the event, and a
Microsoft Forms "Start time" or a Typeform "Start Date" is the filling in, not the protest.
Times come as Google Sheets exports them, with seconds ("2:00:00 PM")."""

import io
from datetime import date, datetime, time

import openpyxl
import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.sheet_columns import EVENT_ALIASES, column_for
from turnout.importers.sheet_questions import question_column
from turnout.importers.sheet_rows import read_table
from turnout.importers.spreadsheets import EVENT_COLUMNS, EVENT_REQUIRED, read_event_rows
from turnout.web.workbooks import workbook_as_csv

pytestmark = pytest.mark.django_db


def read(text: str, language: str | None = None):
    reading = read_event_rows(text, source="answers.csv", language=language)
    assert reading.rejected == []
    return reading.rows, [notice.message for notice in reading.warnings]


def facts(row) -> tuple:
    record = row.record
    return (
        record.city,
        record.country,
        record.starts_at.replace(tzinfo=None),
        record.ends_at.time(),
        record.timezone,
        record.venue,
        record.signup_url,
    )


GOOGLE_EN = """\
Timestamp,Email Address,Your name,City where you will organise,Country,Date of the action,\
Start time,End time,Meeting point,Link for people to sign up,Expected number of people
11/3/2027 14:02:11,ana@example.org,Ana Souza,Lisbon,Portugal,5/15/2027,2:00:00 PM,4:00:00 PM,\
Praça do Comércio,https://lu.ma/lisbon-may,40
11/4/2027 9:15:40,jk@example.org,Jan Kowalski,Kraków,Poland,5/15/2027,1:00:00 PM,3:30:00 PM,\
"Rynek Główny, by the Mickiewicz monument",https://www.facebook.com/events/123456789/,25-30
"""


def test_google_forms_in_english_with_the_times_google_sheets_writes():
    rows, warnings = read(GOOGLE_EN)
    assert [facts(row) for row in rows] == [
        ("Lisbon", "PT", datetime(2027, 5, 15, 14), time(16), "Europe/Lisbon",
         "Praça do Comércio", "https://lu.ma/lisbon-may"),
        ("Kraków", "PL", datetime(2027, 5, 15, 13), time(15, 30), "Europe/Warsaw",
         "Rynek Główny, by the Mickiewicz monument", "https://www.facebook.com/events/123456789/"),
    ]  # fmt: skip
    # The person's name is not taken for the event's title, nor a guess for its capacity.
    assert [row.title for row in rows] == ["", ""]
    assert [row.capacity for row in rows] == [None, None]
    assert "column “Your name” is not one the importer reads" in warnings
    assert "column “Expected number of people” is not one the importer reads" in warnings


QUESTIONS = {
    "fr": (
        "Horodateur,Adresse e-mail,Dans quelle ville aura lieu votre action ?,Pays,"
        "Date de l'action,À quelle heure commence-t-elle ?,À quelle heure se termine-t-elle ?,"
        "Lieu de rendez-vous,Lien d'inscription (Facebook, HelloAsso…),Votre nom",
        "12/03/2027 10:11:12,claire@example.fr,Lyon,France,15/05/2027,14h00,16h30,"
        "Place Bellecour,https://www.helloasso.com/associations/x/evenements/lyon,Claire",
        ("Lyon", "FR", datetime(2027, 5, 15, 14), time(16, 30), "Europe/Paris",
         "Place Bellecour", "https://www.helloasso.com/associations/x/evenements/lyon"),
    ),
    "de": (
        "Zeitstempel,E-Mail-Adresse,In welcher Stadt findet eure Aktion statt?,Land,"
        "An welchem Tag?,Um wie viel Uhr geht es los?,Bis wann?,Wo trefft ihr euch?,"
        "Link zur Anmeldung,Wie heißt eure Aktion?",
        "15.03.2027 18:22:01,a@example.de,Köln,Deutschland,15.05.2027,14:00:00,16:00:00,"
        "Roncalliplatz,https://www.meetup.com/xr-koeln/events/301/,Mahnwache am Dom",
        ("Cologne", "DE", datetime(2027, 5, 15, 14), time(16), "Europe/Berlin",
         "Roncalliplatz", "https://www.meetup.com/xr-koeln/events/301/"),
    ),
    "es": (
        "Marca temporal,Dirección de correo electrónico,¿En qué ciudad será la acción?,País,"
        "Fecha,¿A qué hora empieza?,¿A qué hora termina?,Punto de encuentro,"
        "Enlace de inscripción,Tu nombre",
        "15/03/2027 10:00:00,x@example.es,Sevilla,España,15/05/2027,18:00:00,20:00:00,"
        "Plaza Nueva,https://chat.whatsapp.com/AbCdEf123,Lucía",
        ("Seville", "ES", datetime(2027, 5, 15, 18), time(20), "Europe/Madrid",
         "Plaza Nueva", "https://chat.whatsapp.com/AbCdEf123"),
    ),
    "nl": (
        "Tijdstempel,E-mailadres,In welke stad organiseer je de actie?,Land,Datum van de actie,"
        "Hoe laat begint het?,Hoe laat is het afgelopen?,Waar verzamelen jullie?,Aanmeldlink,"
        "Naam van de actie",
        "15-3-2027 10:00:00,x@example.nl,Groningen,Nederland,15-5-2027,14:00:00,16:00:00,"
        "Grote Markt,https://www.mobilize.us/x/event/1/,Wake-up call Groningen",
        ("Groningen", "NL", datetime(2027, 5, 15, 14), time(16), "Europe/Amsterdam",
         "Grote Markt", "https://www.mobilize.us/x/event/1/"),
    ),
    "it": (
        "Informazioni cronologiche,Indirizzo email,In quale città si terrà l'azione?,Paese,"
        "Data dell'azione,A che ora inizia?,A che ora finisce?,Punto di ritrovo,"
        "Link di iscrizione,Il tuo nome",
        "15/03/2027 10.00.00,g@example.it,Bologna,Italia,15/05/2027,15.00.00,17.00.00,"
        "Piazza Maggiore,https://www.eventbrite.it/e/bologna-123,Giulia",
        ("Bologna", "IT", datetime(2027, 5, 15, 15), time(17), "Europe/Rome",
         "Piazza Maggiore", "https://www.eventbrite.it/e/bologna-123"),
    ),
    "pl": (
        "Sygnatura czasowa,Adres e-mail,W jakim mieście odbędzie się akcja?,Kraj,Data akcji,"
        "O której godzinie się zaczyna?,O której się kończy?,Miejsce zbiórki,Link do zapisów",
        "15.03.2027 10:00:00,p@example.pl,Gdańsk,Polska,15.05.2027,12:00:00,14:00:00,"
        "Długi Targ,https://www.facebook.com/events/987654321/",
        ("Gdańsk", "PL", datetime(2027, 5, 15, 12), time(14), "Europe/Warsaw",
         "Długi Targ", "https://www.facebook.com/events/987654321/"),
    ),
    "pt": (
        "Carimbo de data/hora,Endereço de e-mail,Em que cidade será a ação?,País,Data da ação,"
        "Que horas começa?,Que horas termina?,Local de encontro,Link de inscrição",
        "15/03/2027 10:00:00,r@example.br,Belo Horizonte,Brasil,15/05/2027,10:00:00,12:00:00,"
        "Praça da Liberdade,https://www.sympla.com.br/evento/bh/1",
        ("Belo Horizonte", "BR", datetime(2027, 5, 15, 10), time(12), "America/Sao_Paulo",
         "Praça da Liberdade", "https://www.sympla.com.br/evento/bh/1"),
    ),
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(QUESTIONS))
def test_google_forms_asked_in_the_movement_s_language(language):
    header, answer, expected = QUESTIONS[language]
    rows, warnings = read(f"{header}\n{answer}\n")
    assert [facts(row) for row in rows] == [expected]
    assert not any("says what" in warning for warning in warnings)


def test_the_name_of_the_action_is_its_title_but_the_person_s_name_is_not():
    rows, _ = read(f"{QUESTIONS['de'][0]}\n{QUESTIONS['de'][1]}\n")
    assert rows[0].title == "Mahnwache am Dom"
    rows, _ = read(f"{QUESTIONS['fr'][0]}\n{QUESTIONS['fr'][1]}\n")
    assert rows[0].title == ""  # "Votre nom" is Claire's


MICROSOFT_FORMS = """\
ID,Start time,Completion time,Email,Name,Last modified time,In which city is your event?,\
Country,Date of the event,What time does it start?,What time does it end?,\
Where do people meet?,Signup link
1,3/14/27 9:02:11,3/14/27 9:10:40,anonymous,,,Nairobi,Kenya,5/15/2027,10:00 AM,12:30 PM,\
Uhuru Park,https://www.eventbrite.com/e/nairobi-tickets-1234
2,3/15/27 19:22:01,3/15/27 19:30:00,anonymous,Ravi,,Bengaluru,India,5/15/2027,4:00 PM,\
6:00 PM,Freedom Park,https://lu.ma/blr
"""


def test_microsoft_forms_start_time_is_when_the_form_was_begun_not_the_event():
    rows, warnings = read(MICROSOFT_FORMS)
    assert [facts(row) for row in rows] == [
        ("Nairobi", "KE", datetime(2027, 5, 15, 10), time(12, 30), "Africa/Nairobi",
         "Uhuru Park", "https://www.eventbrite.com/e/nairobi-tickets-1234"),
        ("Bengaluru", "IN", datetime(2027, 5, 15, 16), time(18), "Asia/Kolkata",
         "Freedom Park", "https://lu.ma/blr"),
    ]  # fmt: skip
    assert [row.title for row in rows] == ["", ""]  # "Name" is who answered: Ravi
    for name in ("ID", "Start time", "Completion time", "Email", "Name", "Last modified time"):
        assert f"column “{name}” is about the filling in of the form, not the event" in warnings


TYPEFORM = """\
#,Which city?,Which country?,What day is your protest?,Start and end time,\
Where exactly will you gather?,Where can people RSVP?,Start Date (UTC),Submit Date (UTC),\
Network ID
a1b2c3,Toronto,Canada,2027-05-15,14:00-16:00,Nathan Phillips Square,\
https://www.mobilize.us/pauseai/event/1/,2027-03-01 10:00:00,2027-03-01 10:04:00,9f8e7d
"""

JOTFORM = """\
Submission Date,Event name,City / Town,Country,Event date,Event start time,Event end time,\
Meeting place,Registration link,Submission ID
"Mar 1, 2027",Die-in at the parliament,Wellington,New Zealand,"May 15, 2027",12:00 PM,\
2:00 PM,Parliament grounds,https://www.facebook.com/events/555/,5812345678901234567
"""


def test_typeform_and_jotform_exports():
    rows, warnings = read(TYPEFORM)
    assert [facts(row) for row in rows] == [
        ("Toronto", "CA", datetime(2027, 5, 15, 14), time(16), "America/Toronto",
         "Nathan Phillips Square", "https://www.mobilize.us/pauseai/event/1/"),
    ]  # fmt: skip
    assert "column “Start Date (UTC)” is about the filling in of the form, not the event" in (
        warnings
    )
    rows, warnings = read(JOTFORM)
    assert [facts(row) for row in rows] == [
        ("Wellington", "NZ", datetime(2027, 5, 15, 12), time(14), "Pacific/Auckland",
         "Parliament grounds", "https://www.facebook.com/events/555/"),
    ]  # fmt: skip
    assert rows[0].title == "Die-in at the parliament"


def test_a_column_s_own_name_wins_over_a_question_wherever_it_stands():
    sheet = (
        "Nearest big city to you,City,Country,Date,Start time\n"
        "Rotterdam,Delft,NL,2027-05-15,14:00\n"
    )
    rows, warnings = read(sheet)
    assert [row.record.city for row in rows] == ["Delft"]
    assert "column “Nearest big city to you” is not one the importer reads" in warnings


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Which city will your protest be in?", "city"),
        ("Protest city", "city"),
        ("Meeting time", "start_time"),
        ("Day and time of the protest", "date"),
        ("What time does it end?", "end_time"),
        ("Start and end time", "start_time"),
        ("Address of the meeting point", "venue"),
        ("Name of your action", "title"),
        ("Is there a Facebook event or other signup link?", "signup_url"),
        ("City or place where you meet", None),  # two columns: none
        ("Your name", None),
        ("Your email address", None),
        ("Phone number of the organiser", None),
        ("Do you agree to our code of conduct?", None),
        ("Anything else we should know?", None),
    ],
)
def test_what_a_question_header_names(header, column):
    assert column_for(header, EVENT_COLUMNS, EVENT_ALIASES) == column


def test_a_data_row_is_not_taken_for_a_second_header_row():
    sheet = (
        "City,Country,Date,Start time,Venue\nTown hall square,NL,2027-05-15,14:00,The city centre\n"
    )
    rows, warnings = read_table(
        sheet, source="s.csv", columns=EVENT_COLUMNS, required=EVENT_REQUIRED,
        aliases=EVENT_ALIASES,
    )  # fmt: skip
    assert [number for number, _ in rows] == [2]


def test_a_form_s_answers_import_and_write_once(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text(MICROSOFT_FORMS, encoding="utf-8")
    out = io.StringIO()
    call_command("import", "csv", "events", str(path), stdout=out, stderr=io.StringIO())
    call_command("import", "csv", "events", str(path), stdout=out, stderr=io.StringIO())
    assert sorted(LocalEvent.objects.values_list("city", "venue")) == [
        ("Bengaluru", "Freedom Park"),
        ("Nairobi", "Uhuru Park"),
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=12))
def test_no_header_crashes_the_question_reader(headers):
    for header in headers:
        column = column_for(header, EVENT_COLUMNS, EVENT_ALIASES)
        assert column is None or column in EVENT_COLUMNS
        question_column("_".join(header.split()), EVENT_COLUMNS, EVENT_ALIASES)
    sheet = ",".join(f'"{h.replace(chr(34), "")}"' for h in headers) + "\nx,y\n"
    read_event_rows(sheet, source="s.csv")


def test_a_form_s_answers_downloaded_as_a_workbook_with_typed_cells():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Form Responses 1"
    sheet.append([
        "Timestamp", "Email Address", "Which city will your protest be in?", "Country",
        "Date of the protest", "What time does it start?", "What time does it end?",
        "Where do people meet?", "Signup link",
    ])  # fmt: skip
    sheet.append([
        datetime(2027, 3, 1, 10), "a@example.org", "Den Haag", "Netherlands", date(2027, 5, 15),
        time(14), time(16, 30), "Malieveld", "https://lu.ma/denhaag",
    ])  # fmt: skip
    saved = io.BytesIO()
    workbook.save(saved)
    rows, _ = read(workbook_as_csv(saved.getvalue()))
    assert [facts(row) for row in rows] == [
        ("The Hague", "NL", datetime(2027, 5, 15, 14), time(16, 30), "Europe/Amsterdam",
         "Malieveld", "https://lu.ma/denhaag"),
    ]  # fmt: skip
