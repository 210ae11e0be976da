from django.urls import path

from . import views, views_admin

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in_request, name="sign_in"),
    path("sign-in/code/", views.sign_in_code, name="sign_in_code"),
    path("sign-in/link/<str:token>/", views.sign_in_link, name="sign_in_link"),
    path("sign-in/password/", views.PasswordSignInView.as_view(), name="sign_in_password"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("roles/", views_admin.role_list, name="roles"),
    path("roles/revoke/", views_admin.role_revoke, name="role_revoke"),
    path("audit/", views_admin.audit_log, name="audit_log"),
]
