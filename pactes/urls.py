app_name = "pactes"
urlpatterns: list = []
