// Autoscaling: implementation in progress (see README 'Architecture').
