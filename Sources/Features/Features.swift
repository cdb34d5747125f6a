// Features: implementation in progress (see README 'Architecture').
