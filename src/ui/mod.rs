//! Yew components. They render what the model computed; state lives in one reducer.
