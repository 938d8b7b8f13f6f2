// The cut form: start and end typed or taken from the player's position, fast or exact.

export function cutForm(form, player, onCut) {
  const start = form.querySelector('#cut-start');
  const end = form.querySelector('#cut-end');
  form.querySelector('#cut-start-now').addEventListener('click', () => {
    start.value = player.currentTime.toFixed(2);
  });
  form.querySelector('#cut-end-now').addEventListener('click', () => {
    end.value = player.currentTime.toFixed(2);
  });
  const exact = () => form.querySelector('input[name="mode"]:checked').value === 'exact';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onCut(Number(start.value), Number(end.value), exact());
  });
  return {
    exact,
    setDuration(seconds) {
      start.max = end.max = seconds.toFixed(2);
      if (!end.value) end.value = seconds.toFixed(2);
    },
  };
}
