import sys

from desktopapp.i18n.catalogues import main

sys.exit(main())
