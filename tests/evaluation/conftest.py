from tests.programme.conftest import build_programme, home, standard_page  # noqa: F401 (the programme's fixtures)
