// LinearAlgebra: implementation in progress (see README 'Architecture').
