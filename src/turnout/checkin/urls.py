from django.urls import path

from . import views

app_name = "checkin"

urlpatterns = [
    path("events/<int:pk>/", views.door, name="door"),
    path("events/<int:pk>/counts.json", views.counts, name="counts"),
    path("events/<int:pk>/code/", views.check_in_by_code, name="check_in_by_code"),
    path("events/<int:pk>/code/<str:code>/", views.code_landing, name="code"),
    path("events/<int:pk>/people/<int:signup_pk>/check-in/", views.check_in, name="check_in"),
    path("events/<int:pk>/people/<int:signup_pk>/undo/", views.undo, name="undo"),
    path("events/<int:pk>/walk-in/", views.walk_in, name="walk_in"),
    path("events/<int:pk>/sign-in-sheet.pdf", views.sign_in_sheet, name="sign_in_sheet"),
    path("events/<int:pk>/sign-in-sheet/upload/", views.upload_sheet, name="upload_sheet"),
]
