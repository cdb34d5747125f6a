// Modeling: implementation in progress (see README 'Architecture').
