/** One labelled radio button; buttons of one group share `name` (arrow keys move between them). */
export function RadioField(props: {
  name: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: () => void;
}) {
  return (
    <label className="radio-field">
      <input
        type="radio"
        name={props.name}
        checked={props.checked}
        disabled={props.disabled}
        onChange={props.onChange}
      />
      {props.label}
    </label>
  );
}
