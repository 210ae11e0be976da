from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_sign_in_request"),
    ]

    operations = [
        migrations.AddField(
            model_name="signincode",
            name="network",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="signinrequest",
            name="network",
            field=models.CharField(blank=True, max_length=64),
        ),
    ]
