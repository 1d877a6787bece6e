from aima_desktop.cli import main

raise SystemExit(main())
