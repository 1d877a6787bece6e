from aima_desktop.worker.runner import main

raise SystemExit(main())
