enum BetaKommAPIPlaceholder {}
