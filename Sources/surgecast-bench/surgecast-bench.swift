// surgecast-bench: implementation in progress (see README 'Architecture').
