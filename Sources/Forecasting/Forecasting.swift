// Forecasting: implementation in progress (see README 'Architecture').
