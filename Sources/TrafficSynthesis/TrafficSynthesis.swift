// TrafficSynthesis: implementation in progress (see README 'Architecture').
